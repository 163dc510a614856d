# Our own targets: warnings are errors. Third-party code never gets these flags.
function(storefront_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Werror)
endfunction()

# The hardening Debian gives its own packages (dpkg-buildflags): fortified libc calls,
# a stack protector, relocations read-only and bound at start. Fortify needs the
# optimiser, so not in Debug.
add_compile_options(-fstack-protector-strong $<$<NOT:$<CONFIG:Debug>>:-D_FORTIFY_SOURCE=2>)
add_link_options(-Wl,-z,relro -Wl,-z,now)

# Qt's headers are most of what each of our sources costs to compile: a library parses
# them once (a precompiled header) instead of once per source. STOREFRONT_PCH=OFF
# builds without (a check that every source includes what it uses).
option(STOREFRONT_PCH "Precompile the Qt headers our libraries share" ON)
function(storefront_precompile target)
    if(STOREFRONT_PCH)
        target_precompile_headers(${target} PRIVATE ${ARGN})
    endif()
endfunction()

# LLVM's linker when there is one (installer/install-deps.sh installs it): a test
# program, the static server library with debug info, links in 0.6 s instead of ld.bfd's
# 2.9 s, and there are 60 of them.
include(CheckLinkerFlag)
check_linker_flag(CXX -fuse-ld=lld STOREFRONT_HAS_LLD)
if(STOREFRONT_HAS_LLD)
    add_link_options(-fuse-ld=lld)
endif()
