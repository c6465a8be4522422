src/core/foxreload_core_autogen/timestamp: \
  /work/main/src/core/CMakeLists.txt \
  /work/main/src/core/session/Session.cpp \
  /work/main/src/core/session/Session.h \
  /usr/bin/cmake
