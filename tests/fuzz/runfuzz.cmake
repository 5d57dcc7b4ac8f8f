# One short libFuzzer run for CTest: copies the seed corpus to WORK (the
# source tree is never written), fuzzes for SECONDS, and fails with the
# crash input's path when libFuzzer finds one.
# cmake -DFUZZER=exe -DSEEDS=dir -DWORK=dir -DSECONDS=n [-DDICT=file] -P runfuzz.cmake

foreach(var FUZZER SEEDS WORK SECONDS)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "runfuzz.cmake: -D${var}= is missing")
  endif()
endforeach()

file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/corpus ${WORK}/artifacts)
file(GLOB seeds ${SEEDS}/*)
file(COPY ${seeds} DESTINATION ${WORK}/corpus)

set(args -max_total_time=${SECONDS} -rss_limit_mb=2048 -timeout=20 -max_len=65536 -print_final_stats=1
         -artifact_prefix=${WORK}/artifacts/)
if(DICT)
  list(APPEND args -dict=${DICT})
endif()
execute_process(COMMAND ${FUZZER} ${args} ${WORK}/corpus RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  file(GLOB found ${WORK}/artifacts/*)
  message(FATAL_ERROR "${FUZZER} failed (${rc}); input kept in: ${found}\n"
                      "Replay it with: ${FUZZER} <file>; once fixed, copy it to ${SEEDS}/crash-<what>")
endif()
