# cmake -DINPUT=<file> -DOUTPUT=<file.cpp> -DFUNCTION=<qualified name> -DNAMESPACE=<ns> -DHEADER=<include>
#       -P embed-text.cmake
# Writes a C++ source whose function returns INPUT's bytes as a QByteArray: the file in
# resources/ stays the one source of truth, the binary carries it.
file(READ "${INPUT}" content)
string(FIND "${content}" ")embed\"" clash)
if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${INPUT} contains the raw string delimiter )embed\"")
endif()
file(RELATIVE_PATH shown "${SOURCE_DIR}" "${INPUT}")
set(out "// Generated at build time from ${shown} by cmake/embed-text.cmake. Do not edit.\n\n")
string(APPEND out "#include \"${HEADER}\"\n\nnamespace ${NAMESPACE} {\n\n")
string(APPEND out "QByteArray ${FUNCTION}()\n{\n    static const char text[] = R\"embed(")
string(APPEND out "${content}")
string(APPEND out ")embed\";\n    return QByteArray(text, int(sizeof(text) - 1));\n}\n\n} // namespace ${NAMESPACE}\n")
# Only rewrite on a change, so that dependants are not rebuilt for nothing.
if(EXISTS "${OUTPUT}")
    file(READ "${OUTPUT}" old)
    if(old STREQUAL out)
        return()
    endif()
endif()
file(WRITE "${OUTPUT}" "${out}")
