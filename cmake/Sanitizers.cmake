# Hardening builds (README, "Hardening suites"). Each lives in its own build folder;
# the default build (build/) sets neither option and is unchanged by this file.
#
# STOREFRONT_SANITIZE=address  every target of ours with ASan + UBSan
# STOREFRONT_SANITIZE=thread   every target of ours with TSan
# STOREFRONT_FUZZ=ON           clang only: just the libFuzzer targets (tests/fuzz) and the
#                              few sources they reach, with fuzzer + ASan + UBSan
#
# Flags are set for the whole tree: everything built here is ours. Qt, MariaDB's client
# and the other system libraries stay uninstrumented (see tests/sanitizers/).
option(STOREFRONT_FUZZ "Build only the libFuzzer targets (needs clang); ctest label fuzz" OFF)
set(STOREFRONT_SANITIZE "" CACHE STRING "Sanitize every target: address (ASan+UBSan) or thread (TSan)")
set_property(CACHE STOREFRONT_SANITIZE PROPERTY STRINGS "" address thread)

# UBSan findings abort, so a test (or libFuzzer) fails instead of printing and going on.
set(STOREFRONT_UBSAN_FLAGS -fsanitize=undefined -fno-sanitize-recover=all)

if(STOREFRONT_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "STOREFRONT_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
    endif()
    if(STOREFRONT_SANITIZE)
        message(FATAL_ERROR "STOREFRONT_FUZZ brings its own sanitizers (address, undefined); leave STOREFRONT_SANITIZE empty")
    endif()
    # fuzzer-no-link: coverage instrumentation everywhere; only the fuzz executables
    # link libFuzzer's main (tests/fuzz/CMakeLists.txt).
    add_compile_options(-fsanitize=fuzzer-no-link,address ${STOREFRONT_UBSAN_FLAGS} -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address ${STOREFRONT_UBSAN_FLAGS})
elseif(STOREFRONT_SANITIZE STREQUAL "address")
    add_compile_options(-fsanitize=address ${STOREFRONT_UBSAN_FLAGS} -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address ${STOREFRONT_UBSAN_FLAGS})
elseif(STOREFRONT_SANITIZE STREQUAL "thread")
    add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
    add_link_options(-fsanitize=thread)
    # librdkafka's C11 threads are invisible to TSan without this (the file says why).
    add_library(storefront_tsan_c11threads OBJECT ${PROJECT_SOURCE_DIR}/tests/sanitizers/TsanC11Threads.cpp)
    storefront_warnings(storefront_tsan_c11threads)
    link_libraries(storefront_tsan_c11threads)
elseif(STOREFRONT_SANITIZE)
    message(FATAL_ERROR "STOREFRONT_SANITIZE is address, thread or empty, not '${STOREFRONT_SANITIZE}'")
endif()
