# Every target of ours calls foxreload_set_warnings(); third-party headers are
# included as SYSTEM so that -Werror only ever judges our own code.
# -Wnull-dereference is left out: GCC 12 reports false positives at -O2 inside
# std::function and Qt containers.
function(foxreload_set_warnings target)
    if(MSVC) # the Windows build (.github/workflows/build.yml): MSVC's own spelling
        target_compile_options(${target} PRIVATE /W4 /permissive- /utf-8 /Zc:__cplusplus)
        if(FOXRELOAD_WERROR)
            target_compile_options(${target} PRIVATE /WX)
        endif()
    else()
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic
            -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
            -Woverloaded-virtual -Wimplicit-fallthrough)
        if(FOXRELOAD_WERROR)
            target_compile_options(${target} PRIVATE -Werror)
        endif()
    endif()
    if(FOXRELOAD_SANITIZE)
        target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
        target_link_options(${target} PRIVATE -fsanitize=address,undefined)
    endif()
    # Symbols bound at load, not on first call: the server's supervisor calls execve() in a
    # child QProcess runs on a small stack of its own, where a lazy lookup (ASan's frames are
    # large) overflowed it. Also the usual hardening (full RELRO with -z relro).
    if(CMAKE_SYSTEM_NAME STREQUAL "Linux") # GNU ld's option; Apple's ld and MSVC's link have none
        target_link_options(${target} PRIVATE -Wl,-z,now)
    endif()
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
        QT_NO_NARROWING_CONVERSIONS_IN_CONNECT QT_USE_QSTRINGBUILDER
        QT_NO_KEYWORDS QT_NO_FOREACH)
endfunction()
