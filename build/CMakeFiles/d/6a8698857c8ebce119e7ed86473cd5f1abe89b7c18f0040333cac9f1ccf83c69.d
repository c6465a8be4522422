src/core/config/foxreload_config_autogen/timestamp: \
  /usr/lib/x86_64-linux-gnu/cmake/yaml-cpp/yaml-cpp-config-version.cmake \
  /usr/lib/x86_64-linux-gnu/cmake/yaml-cpp/yaml-cpp-config.cmake \
  /usr/lib/x86_64-linux-gnu/cmake/yaml-cpp/yaml-cpp-targets.cmake \
  /work/main/src/core/config/CMakeLists.txt \
  /work/main/src/core/config/Config.h \
  /work/main/src/core/config/ConfigLoader.h \
  /usr/bin/cmake
