src/cli/foxreload_cli_autogen/timestamp: \
  /work/main/src/cli/CMakeLists.txt \
  /work/main/src/cli/Commands.cpp \
  /work/main/src/cli/Commands.h \
  /work/main/src/cli/Stubs.cpp \
  /usr/bin/cmake
