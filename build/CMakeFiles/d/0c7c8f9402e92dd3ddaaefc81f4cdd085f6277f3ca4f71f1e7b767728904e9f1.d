src/core/server/foxreload_server_autogen/timestamp: \
  /work/main/src/core/server/CMakeLists.txt \
  /work/main/src/core/server/ReloadResult.cpp \
  /work/main/src/core/server/ReloadResult.h \
  /usr/bin/cmake
