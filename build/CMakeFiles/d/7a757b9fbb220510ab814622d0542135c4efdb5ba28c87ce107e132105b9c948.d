src/core/match/foxreload_match_autogen/timestamp: \
  /work/main/src/core/match/CMakeLists.txt \
  /work/main/src/core/match/Glob.h \
  /work/main/src/core/match/PathFilter.h \
  /usr/bin/cmake
