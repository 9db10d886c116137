# ccache when installed (installer/install-deps.sh installs it): CI's second and third builds (asan, fuzz) and every
# rebuild after a branch switch come mostly from the cache. A launcher given on the command line wins.
find_program(ALPR_CCACHE ccache)
if(ALPR_CCACHE)
    if(NOT CMAKE_CXX_COMPILER_LAUNCHER)
        set(CMAKE_CXX_COMPILER_LAUNCHER ${ALPR_CCACHE})
    endif()
    if(NOT CMAKE_C_COMPILER_LAUNCHER)
        set(CMAKE_C_COMPILER_LAUNCHER ${ALPR_CCACHE})
    endif()
endif()
