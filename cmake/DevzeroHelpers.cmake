# Small helpers shared by every folder's CMakeLists.

# devzero_add_library(NAME SOURCES ... LIBS ...)
# A static library of the core. The core must never link Qt Widgets: the
# build stops here if someone tries.
function(devzero_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  foreach(lib IN LISTS ARG_LIBS)
    if(lib MATCHES "Widgets")
      message(FATAL_ERROR "${name}: the sessions core must not link ${lib}")
    endif()
  endforeach()
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(${name} PUBLIC ${ARG_LIBS})
endfunction()

# devzero_add_test(NAME SOURCES ... LIBS ... [LABELS ...] [TIMEOUT s])
# A Qt Test executable registered with CTest, run on the offscreen platform.
function(devzero_add_test name)
  cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test devzero_testsupport ${ARG_LIBS})
  add_test(NAME ${name} COMMAND ${name})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 300)
  endif()
  set(env "QT_QPA_PLATFORM=offscreen;DEVZERO_SOURCE_DIR=${PROJECT_SOURCE_DIR};DEVZERO_BINARY_DIR=${PROJECT_BINARY_DIR};DEVZERO_EXECUTABLE=$<TARGET_FILE:devzero>;QT_LOGGING_RULES=devzero.*.debug=false;XDG_CONFIG_HOME=${PROJECT_BINARY_DIR}/test-config")
  if(DEVZERO_SANITIZE)
    # Children (devzero, recorders) inherit these, so their reports fail the test too.
    list(APPEND env ${DEVZERO_SANITIZER_ENV})
    math(EXPR ARG_TIMEOUT "${ARG_TIMEOUT} * 3")
  endif()
  set_tests_properties(${name} PROPERTIES
    TIMEOUT ${ARG_TIMEOUT}
    LABELS "${ARG_LABELS}"
    ENVIRONMENT "${env}")
endfunction()

# devzero_add_test_folder(LIBS ... [LABELS ...])
# One test executable per test_*.cpp in the calling folder, named after the
# file (test_plan_parser.cpp -> test_plan_parser). Files named *_child.cpp or
# support_*.cpp are helpers, not suites.
function(devzero_add_test_folder)
  cmake_parse_arguments(ARG "" "TIMEOUT" "LIBS;LABELS;EXTRA_SOURCES" ${ARGN})
  file(GLOB suites CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/test_*.cpp)
  foreach(src IN LISTS suites)
    get_filename_component(name ${src} NAME_WE)
    devzero_add_test(${name} SOURCES ${src} ${ARG_EXTRA_SOURCES} LIBS ${ARG_LIBS} LABELS ${ARG_LABELS} TIMEOUT ${ARG_TIMEOUT})
  endforeach()
endfunction()
