# With ALPR_FUZZ (the asan and fuzz presets: clang, everything compiled with -fsanitize=fuzzer-no-link), tests/fuzz
# links each target with -fsanitize=fuzzer into a libFuzzer binary. Debian 12's clang 14 lacks std::expected with
# GCC 12's libstdc++ (it needs clang 16), so clang 14 builds get the small one in tests/fuzz/compat.
if(ALPR_FUZZ AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "ALPR_FUZZ needs clang with libFuzzer (cmake --preset asan or fuzz), not ${CMAKE_CXX_COMPILER_ID}")
endif()
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 16)
    include_directories(BEFORE SYSTEM ${PROJECT_SOURCE_DIR}/tests/fuzz/compat)
endif()
