# tst_layering: the layering rule of cmake/Layering.cmake holds and is enforced.
#   1. scripts/check-layering.py finds no include of a header the includer does not link
#      (also in the files of the other operating systems), and it does flag one (--self-test);
#   2. the build itself refuses it: a watch-stage probe that includes a server header fails to
#      compile, while one that includes headers of stages watch links compiles.
# Run by ctest: cmake -DPYTHON=... -DSOURCE_DIR=... -DBINARY_DIR=... -P tst_layering.cmake

function(run name)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    set(${name}_rc "${rc}" PARENT_SCOPE)
    set(${name}_out "${out}${err}" PARENT_SCOPE)
endfunction()

set(check "${SOURCE_DIR}/scripts/check-layering.py")

run(tree "${PYTHON}" "${check}" "${BINARY_DIR}/layering.json")
if(NOT tree_rc EQUAL 0)
    message(FATAL_ERROR "FAIL: includes that break the layering:\n${tree_out}")
endif()
message(STATUS "PASS: check-layering on the tree: ${tree_out}")

run(self "${PYTHON}" "${check}" --self-test)
if(NOT self_rc EQUAL 0)
    message(FATAL_ERROR "FAIL: check-layering --self-test:\n${self_out}")
endif()
message(STATUS "PASS: check-layering flags a violation: ${self_out}")

run(allowed "${CMAKE_COMMAND}" --build "${BINARY_DIR}" --target foxreload_layering_probe_allowed)
if(NOT allowed_rc EQUAL 0)
    message(FATAL_ERROR "FAIL: headers of linked stages do not resolve:\n${allowed_out}")
endif()
message(STATUS "PASS: a stage includes the headers of the stages it links")

run(forbidden "${CMAKE_COMMAND}" --build "${BINARY_DIR}" --target foxreload_layering_probe_forbidden)
if(forbidden_rc EQUAL 0)
    message(FATAL_ERROR "FAIL: the watch stage compiled an include of a server header")
endif()
if(NOT forbidden_out MATCHES "server/ServerProcess\\.h")
    message(FATAL_ERROR "FAIL: the forbidden probe failed for another reason:\n${forbidden_out}")
endif()
message(STATUS "PASS: a stage cannot include a header of a stage it does not link")
