// veladesk-gui: the desktop GUI. `veladesk` without a command executes it (app/main.cpp).

#include "app/gui.h"

int main(int argc, char** argv)
{
    return veladesk::runGui(argc, argv);
}
