# Additional clean files
cmake_minimum_required(VERSION 3.16)

if("${CONFIG}" STREQUAL "" OR "${CONFIG}" STREQUAL "Debug")
  file(REMOVE_RECURSE
  "src/CMakeFiles/foxreload_autogen.dir/AutogenUsed.txt"
  "src/CMakeFiles/foxreload_autogen.dir/ParseCache.txt"
  "src/cli/CMakeFiles/foxreload_cli_autogen.dir/AutogenUsed.txt"
  "src/cli/CMakeFiles/foxreload_cli_autogen.dir/ParseCache.txt"
  "src/cli/foxreload_cli_autogen"
  "src/core/CMakeFiles/foxreload_core_autogen.dir/AutogenUsed.txt"
  "src/core/CMakeFiles/foxreload_core_autogen.dir/ParseCache.txt"
  "src/core/analyze/CMakeFiles/foxreload_analyze_autogen.dir/AutogenUsed.txt"
  "src/core/analyze/CMakeFiles/foxreload_analyze_autogen.dir/ParseCache.txt"
  "src/core/analyze/foxreload_analyze_autogen"
  "src/core/common/CMakeFiles/foxreload_common_autogen.dir/AutogenUsed.txt"
  "src/core/common/CMakeFiles/foxreload_common_autogen.dir/ParseCache.txt"
  "src/core/common/foxreload_common_autogen"
  "src/core/config/CMakeFiles/foxreload_config_autogen.dir/AutogenUsed.txt"
  "src/core/config/CMakeFiles/foxreload_config_autogen.dir/ParseCache.txt"
  "src/core/config/foxreload_config_autogen"
  "src/core/foxreload_core_autogen"
  "src/core/match/CMakeFiles/foxreload_match_autogen.dir/AutogenUsed.txt"
  "src/core/match/CMakeFiles/foxreload_match_autogen.dir/ParseCache.txt"
  "src/core/match/foxreload_match_autogen"
  "src/core/server/CMakeFiles/foxreload_server_autogen.dir/AutogenUsed.txt"
  "src/core/server/CMakeFiles/foxreload_server_autogen.dir/ParseCache.txt"
  "src/core/server/foxreload_server_autogen"
  "src/core/watch/CMakeFiles/foxreload_watch_autogen.dir/AutogenUsed.txt"
  "src/core/watch/CMakeFiles/foxreload_watch_autogen.dir/ParseCache.txt"
  "src/core/watch/foxreload_watch_autogen"
  "src/foxreload_autogen"
  )
endif()
