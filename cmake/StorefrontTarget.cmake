# Our own targets: warnings are errors. Third-party code never gets these flags.
function(storefront_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Werror)
endfunction()
