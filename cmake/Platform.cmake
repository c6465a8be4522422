# Which OS family the OS-specific files are chosen for (src/core/platform, and any stage with a
# `<name>_<family>.cpp` file). It follows the system being built for; the Windows syntax check
# (scripts/windows-syntax-check.sh) configures a Linux tree with -DFOXRELOAD_TARGET_OS=Windows
# to list exactly the files a Windows build compiles.
if(CMAKE_SYSTEM_NAME STREQUAL "Windows")
    set(foxreload_default_os Windows)
elseif(CMAKE_SYSTEM_NAME STREQUAL "Darwin")
    set(foxreload_default_os Darwin)
else()
    set(foxreload_default_os Linux)
endif()
set(FOXRELOAD_TARGET_OS "${foxreload_default_os}" CACHE STRING "OS family of the OS-specific sources: Linux, Windows or Darwin")
set_property(CACHE FOXRELOAD_TARGET_OS PROPERTY STRINGS Linux Windows Darwin)

# foxreload_os_sources(<target> <base>...): for each base name, adds the files of the target OS
# family that exist next to the calling CMakeLists.txt: <base>_win.cpp on Windows;
# <base>_unix.cpp and then <base>_linux.cpp or <base>_mac.cpp elsewhere. A base with none is an error.
function(foxreload_os_sources target)
    if(FOXRELOAD_TARGET_OS STREQUAL "Windows")
        set(suffixes _win)
    elseif(FOXRELOAD_TARGET_OS STREQUAL "Darwin")
        set(suffixes _unix _mac)
    else()
        set(suffixes _unix _linux)
    endif()
    foreach(base IN LISTS ARGN)
        set(found FALSE)
        foreach(suffix IN LISTS suffixes)
            if(EXISTS "${CMAKE_CURRENT_SOURCE_DIR}/${base}${suffix}.cpp")
                target_sources(${target} PRIVATE "${base}${suffix}.cpp")
                set(found TRUE)
            endif()
        endforeach()
        if(NOT found)
            message(FATAL_ERROR "${base}: no implementation for ${FOXRELOAD_TARGET_OS} (${suffixes})")
        endif()
    endforeach()
endfunction()
