src/core/common/foxreload_common_autogen/timestamp: \
  /work/main/src/core/common/CMakeLists.txt \
  /work/main/src/core/common/FileEvent.cpp \
  /work/main/src/core/common/FileEvent.h \
  /work/main/src/core/common/ReloadStrategy.cpp \
  /work/main/src/core/common/ReloadStrategy.h \
  /usr/bin/cmake
