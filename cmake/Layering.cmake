# Layering the build enforces: a library's headers are reachable only by the targets that link it.
#
# No target gets src/ or src/core/ as an include root. Instead each library exposes its own
# headers (the .h files among its SOURCES) under an include root of its own in the build tree,
#   <build>/include/<target>/<folder>/<Header>.h   (folder: server, net/front, gui, ...)
# which is PUBLIC, so it travels along target_link_libraries and nowhere else. A stage that
# includes "server/X.h" without linking foxreload_server fails to compile, on every platform.
#
# The entries are symbolic links to the sources where the host can make them, and one-line
# forwarding headers on Windows hosts. They are written when CMake has seen every target (a
# deferred call), so headers a CMakeLists adds late (foxreload_os_sources) are exposed too;
# adding a header to a target's SOURCES is all it takes to publish it.
#
# The same pass writes <build>/layering.json (targets, their folders, direct links, sources)
# for scripts/check-layering.py, the tst_layering ctest, which also reads the files a Linux
# build never compiles (_win.cpp, _mac.cpp).

set(FOXRELOAD_INCLUDE_ROOTS_DIR "${PROJECT_BINARY_DIR}/include")

# foxreload_expose_headers(<target>): <target>'s headers become reachable as "<folder>/<Header>.h"
# for itself and whatever links it, where folder is the header's directory relative to src/core
# (the pipeline stages, the session glue) or else to src (ipc, net/..., cli, gui, launcher).
function(foxreload_expose_headers target)
    target_include_directories(${target} PUBLIC "${FOXRELOAD_INCLUDE_ROOTS_DIR}/${target}")
    set_property(GLOBAL APPEND PROPERTY FOXRELOAD_EXPOSED_TARGETS ${target})
endfunction()

# foxreload_layering_consumer(<target>): a target that exposes nothing but is checked (tests).
function(foxreload_layering_consumer target)
    set_property(GLOBAL APPEND PROPERTY FOXRELOAD_LAYERING_CONSUMERS ${target})
endfunction()

function(_foxreload_header_folder header out)
    cmake_path(GET header PARENT_PATH dir)
    cmake_path(IS_PREFIX FOXRELOAD_CORE_DIR "${dir}" NORMALIZE in_core)
    if(in_core)
        cmake_path(RELATIVE_PATH dir BASE_DIRECTORY "${FOXRELOAD_CORE_DIR}" OUTPUT_VARIABLE folder)
    else()
        cmake_path(RELATIVE_PATH dir BASE_DIRECTORY "${PROJECT_SOURCE_DIR}/src" OUTPUT_VARIABLE folder)
    endif()
    set(${out} "${folder}" PARENT_SCOPE)
endfunction()

function(_foxreload_absolute_sources target out)
    get_target_property(sources ${target} SOURCES)
    get_target_property(source_dir ${target} SOURCE_DIR)
    set(result)
    foreach(source IN LISTS sources)
        if(source MATCHES "\\$<" OR source MATCHES "/autogen/|_autogen/|\\.qrc$|\\.ts$|\\.qm$")
            continue()
        endif()
        cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY "${source_dir}" NORMALIZE)
        if(source MATCHES "\\.(h|cpp|mm)$" AND EXISTS "${source}")
            list(APPEND result "${source}")
        endif()
    endforeach()
    set(${out} "${result}" PARENT_SCOPE)
endfunction()

function(_foxreload_write_include_root target)
    set(root "${FOXRELOAD_INCLUDE_ROOTS_DIR}/${target}")
    _foxreload_absolute_sources(${target} sources)
    set(wanted)
    foreach(source IN LISTS sources)
        cmake_path(IS_PREFIX PROJECT_SOURCE_DIR "${source}" NORMALIZE in_tree)
        if(NOT source MATCHES "\\.h$" OR NOT in_tree)
            continue()
        endif()
        _foxreload_header_folder("${source}" folder)
        cmake_path(GET source FILENAME name)
        set(entry "${root}/${folder}/${name}")
        list(APPEND wanted "${entry}")
        if(CMAKE_HOST_WIN32)
            # Written only when it changes, so a reconfigure rebuilds nothing.
            file(CONFIGURE OUTPUT "${entry}" CONTENT "#include \"${source}\"\n" @ONLY)
        elseif(NOT IS_SYMLINK "${entry}")
            file(MAKE_DIRECTORY "${root}/${folder}")
            file(CREATE_LINK "${source}" "${entry}" SYMBOLIC)
        else()
            file(READ_SYMLINK "${entry}" current)
            if(NOT current STREQUAL source)
                file(REMOVE "${entry}")
                file(CREATE_LINK "${source}" "${entry}" SYMBOLIC)
            endif()
        endif()
    endforeach()
    # A header that moved away or left the target must stop resolving.
    file(GLOB_RECURSE present LIST_DIRECTORIES false "${root}/*")
    foreach(entry IN LISTS present)
        if(NOT entry IN_LIST wanted)
            file(REMOVE "${entry}")
        endif()
    endforeach()
    set(_foxreload_sources_json "${sources}" PARENT_SCOPE)
endfunction()

function(_foxreload_json_list out)
    set(items)
    foreach(item IN LISTS ARGN)
        list(APPEND items "\"${item}\"")
    endforeach()
    list(JOIN items ", " joined)
    set(${out} "[${joined}]" PARENT_SCOPE)
endfunction()

function(_foxreload_direct_links target out)
    get_target_property(links ${target} LINK_LIBRARIES)
    set(result)
    foreach(link IN LISTS links)
        if(TARGET "${link}" AND NOT link MATCHES "::")
            list(APPEND result "${link}")
        endif()
    endforeach()
    set(${out} "${result}" PARENT_SCOPE)
endfunction()

# A target's private include directories in the source tree (a test's tests/ folder): what
# they resolve is the target's own business, not a library's.
function(_foxreload_own_include_dirs target out)
    get_target_property(dirs ${target} INCLUDE_DIRECTORIES)
    set(result)
    foreach(dir IN LISTS dirs)
        cmake_path(IS_PREFIX PROJECT_SOURCE_DIR "${dir}" NORMALIZE in_tree)
        if(in_tree AND NOT dir MATCHES "\\$<")
            list(APPEND result "${dir}")
        endif()
    endforeach()
    set(${out} "${result}" PARENT_SCOPE)
endfunction()

function(_foxreload_write_include_roots)
    get_property(exposed GLOBAL PROPERTY FOXRELOAD_EXPOSED_TARGETS)
    get_property(consumers GLOBAL PROPERTY FOXRELOAD_LAYERING_CONSUMERS)
    set(entries)
    foreach(target IN LISTS exposed consumers)
        if(target IN_LIST exposed)
            _foxreload_write_include_root(${target})
            set(sources "${_foxreload_sources_json}")
            set(is_exposed true)
        else()
            _foxreload_absolute_sources(${target} sources)
            set(is_exposed false)
        endif()
        _foxreload_direct_links(${target} links)
        _foxreload_own_include_dirs(${target} dirs)
        _foxreload_json_list(links_json ${links})
        _foxreload_json_list(sources_json ${sources})
        _foxreload_json_list(dirs_json ${dirs})
        list(APPEND entries "    \"${target}\": {\"exposes\": ${is_exposed}, \"links\": ${links_json}, \
\"include_dirs\": ${dirs_json}, \"sources\": ${sources_json}}")
    endforeach()
    list(JOIN entries ",\n" body)
    file(CONFIGURE OUTPUT "${PROJECT_BINARY_DIR}/layering.json"
        CONTENT "{\n  \"core_dir\": \"${FOXRELOAD_CORE_DIR}\",\n  \"src_dir\": \"${PROJECT_SOURCE_DIR}/src\",\n  \"targets\": {\n${body}\n  }\n}\n"
        @ONLY)
endfunction()

set(FOXRELOAD_CORE_DIR "${PROJECT_SOURCE_DIR}/src/core")
cmake_language(DEFER DIRECTORY "${PROJECT_SOURCE_DIR}" CALL _foxreload_write_include_roots)
