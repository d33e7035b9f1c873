// Placeholder so the library has a source until the first model lands.
namespace veladesk::models {
int libraryVersion() { return 1; }
} // namespace veladesk::models
