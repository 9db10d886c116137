# The project's libraries are static in what ships (each program one self-contained binary). The asan preset links
# them shared: each of the ~100 test programs then links in about a second, where copying the whole instrumented tree
# into every one of them took half a minute each and most of that build's time.
option(ALPR_SHARED_LIBRARIES "Build the project's own libraries as shared libraries (sanitizer builds)" OFF)
if(ALPR_SHARED_LIBRARIES)
    set(ALPR_LIBRARY_KIND SHARED)
    set(CMAKE_POSITION_INDEPENDENT_CODE ON)
else()
    set(ALPR_LIBRARY_KIND STATIC)
endif()

# One INTERFACE target carries the language standard, warnings and Qt hygiene defines for every target.
add_library(alpr_project_options INTERFACE)
target_compile_features(alpr_project_options INTERFACE cxx_std_23)
target_compile_options(alpr_project_options INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
target_compile_definitions(alpr_project_options INTERFACE
    QT_NO_CAST_TO_ASCII QT_NO_CAST_FROM_BYTEARRAY QT_NO_URL_CAST_FROM_STRING QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH QT_USE_QSTRINGBUILDER QT_DISABLE_DEPRECATED_BEFORE=0x060400)

# Every executable that may end up talking to SQLite must have libsqlcipher as a direct dependency,
# otherwise the loader may bind sqlite3_* to the plaintext libsqlite3 that OpenCV drags in through GDAL
# and the store is silently written unencrypted. Debian's g++ uses --as-needed, so force the entry.
function(alpr_link_sqlcipher target)
    target_link_options(${target} PRIVATE "LINKER:--no-as-needed" "-lsqlcipher" "LINKER:--as-needed")
endfunction()

function(alpr_add_executable target)
    add_executable(${target} ${ARGN})
    target_link_libraries(${target} PRIVATE alpr_project_options)
    alpr_link_sqlcipher(${target})
endfunction()

# alpr_add_test(NAME name SOURCES a.cpp ... LIBS lib ... LABELS core|ui|slow ...)
function(alpr_add_test)
    cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    alpr_add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE alpr_test_support Qt6::Test ${T_LIBS})
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    # Sanitizer builds run several times slower; the asan preset raises every limit alike.
    if(ALPR_TEST_TIMEOUT_FACTOR)
        math(EXPR T_TIMEOUT "${T_TIMEOUT} * ${ALPR_TEST_TIMEOUT_FACTOR}")
    endif()
    set_tests_properties(${T_NAME} PROPERTIES LABELS "${T_LABELS}" TIMEOUT ${T_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;ALPR_SOURCE_DIR=${PROJECT_SOURCE_DIR};ALPR_BINARY_DIR=${PROJECT_BINARY_DIR}")
endfunction()
