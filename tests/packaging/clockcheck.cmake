# Fails when code under core/, providers/, ui/ or app/ reads the system time directly instead of
# asking the injected Clock, or constructs a SystemClock outside the files that wire an executable
# (each executable makes one and hands it down, so a test or the demo can replace it). Usage: cmake -DSOURCE_DIR=<root> -DALLOWLIST=<file> -P clockcheck.cmake
# With -DSELF_TEST=<scratch dir> it instead checks that a planted call is caught and an allowed one
# is not, so the check cannot silently stop seeing anything.
cmake_minimum_required(VERSION 3.25)

set(known_sections "allowed" "pending other branches" "system clock allowed" "system clock pending other branches")

set(clock_pattern "currentDateTime|QDate::currentDate|currentMSecsSinceEpoch|currentSecsSinceEpoch|QTime::currentTime")
# A SystemClock object: "SystemClock clock;", "SystemClock()", "SystemClock{}", "<SystemClock>".
set(system_clock_pattern "SystemClock +[A-Za-z_][A-Za-z_0-9]* *[;({=]|SystemClock *\\( *\\)|SystemClock *{ *}|<SystemClock>")

# Reads the allowlist sections <allowed_section> and <pending_section> into <out_allowed> and
# <out_pending> (paths relative to the source root); the other known sections are skipped.
function(read_allowlist file allowed_section pending_section out_allowed out_pending)
  file(STRINGS "${file}" lines)
  set(section "")
  set(allowed "")
  set(pending "")
  foreach(line IN LISTS lines)
    string(STRIP "${line}" line)
    if(line STREQUAL "" OR line MATCHES "^#")
      continue()
    elseif(line MATCHES "^\\[(.*)\\]$")
      set(section "${CMAKE_MATCH_1}")
    elseif(section STREQUAL allowed_section)
      list(APPEND allowed "${line}")
    elseif(section STREQUAL pending_section)
      list(APPEND pending "${line}")
    elseif(NOT section IN_LIST known_sections)
      message(FATAL_ERROR "${file}: '${line}' is outside a known section")
    endif()
  endforeach()
  set(${out_allowed} "${allowed}" PARENT_SCOPE)
  set(${out_pending} "${pending}" PARENT_SCOPE)
endfunction()

# Sets <out_offenders> to one "\n  path: text" line per direct call outside the allowlist and
# <out_stale> to the pending entries that no longer have one.
# <rule> is "time" (direct reads, sections "allowed" and "pending other branches") or "system clock"
# (SystemClock objects, sections "system clock allowed" and "system clock pending other branches").
function(find_clock_calls root allowlist rule out_offenders out_stale)
  if(rule STREQUAL "time")
    read_allowlist("${allowlist}" "allowed" "pending other branches" allowed pending)
    set(pattern "${clock_pattern}")
  else()
    read_allowlist("${allowlist}" "system clock allowed" "system clock pending other branches" allowed pending)
    set(pattern "${system_clock_pattern}")
  endif()
  file(GLOB_RECURSE files RELATIVE "${root}"
    "${root}/core/*.h" "${root}/core/*.cpp" "${root}/providers/*.h" "${root}/providers/*.cpp"
    "${root}/ui/*.h" "${root}/ui/*.cpp" "${root}/app/*.h" "${root}/app/*.cpp")
  list(SORT files)
  set(offenders "")
  set(with_calls "")
  foreach(path IN LISTS files)
    file(STRINGS "${root}/${path}" hits REGEX "${pattern}")
    if(NOT hits)
      continue()
    endif()
    list(APPEND with_calls "${path}")
    if(path IN_LIST allowed OR path IN_LIST pending)
      continue()
    endif()
    foreach(hit IN LISTS hits) # a line's own ";" split it into list items: each is still shown
      string(STRIP "${hit}" hit)
      if(NOT hit STREQUAL "")
        string(APPEND offenders "\n  ${path}: ${hit}")
      endif()
    endforeach()
  endforeach()
  set(stale "")
  foreach(path IN LISTS pending)
    if(NOT path IN_LIST with_calls)
      list(APPEND stale "${path}")
    endif()
  endforeach()
  set(${out_offenders} "${offenders}" PARENT_SCOPE)
  set(${out_stale} "${stale}" PARENT_SCOPE)
endfunction()

if(SELF_TEST)
  file(REMOVE_RECURSE "${SELF_TEST}")
  file(WRITE "${SELF_TEST}/core/clock.h" "return QDateTime::currentDateTimeUtc();\nclass SystemClock final : public Clock\n")
  file(WRITE "${SELF_TEST}/ui/widget.cpp" "const QDate today = QDate::currentDate();\n")
  file(WRITE "${SELF_TEST}/app/tool.cpp" "const qint64 ms = QDateTime::currentMSecsSinceEpoch();\n")
  file(WRITE "${SELF_TEST}/app/main.cpp" "const SystemClock clock;\nvoid run(const SystemClock &clock);\n")
  file(WRITE "${SELF_TEST}/providers/job.cpp" "const QDateTime now = SystemClock().now();\n")
  file(WRITE "${SELF_TEST}/core/store.cpp" "static const SystemClock clock;\n")
  file(WRITE "${SELF_TEST}/allowlist.txt" "[allowed]\ncore/clock.h\n[pending other branches]\napp/tool.cpp\napp/gone.cpp\n"
    "[system clock allowed]\napp/main.cpp\n[system clock pending other branches]\ncore/store.cpp\nui/gone.cpp\n")
  find_clock_calls("${SELF_TEST}" "${SELF_TEST}/allowlist.txt" "time" offenders stale)
  if(NOT offenders STREQUAL "\n  ui/widget.cpp: const QDate today = QDate::currentDate();" OR NOT stale STREQUAL "app/gone.cpp")
    message(FATAL_ERROR "clock check self-test: found '${offenders}', stale '${stale}'")
  endif()
  find_clock_calls("${SELF_TEST}" "${SELF_TEST}/allowlist.txt" "system clock" offenders stale)
  if(NOT offenders STREQUAL "\n  providers/job.cpp: const QDateTime now = SystemClock().now();" OR NOT stale STREQUAL "ui/gone.cpp")
    message(FATAL_ERROR "clock check self-test (SystemClock): found '${offenders}', stale '${stale}'")
  endif()
  message(STATUS "clock check self-test: the planted calls are found, the allowed ones are not")
  return()
endif()

find_clock_calls("${SOURCE_DIR}" "${ALLOWLIST}" "time" offenders stale)
find_clock_calls("${SOURCE_DIR}" "${ALLOWLIST}" "system clock" system_offenders system_stale)
foreach(path IN LISTS stale system_stale)
  message(STATUS "no direct clock call left in ${path}: remove it from ${ALLOWLIST}")
endforeach()
if(offenders)
  message(FATAL_ERROR "Read the time from the injected Clock (core/clock.h) instead of the system:${offenders}")
endif()
if(system_offenders)
  message(FATAL_ERROR "Take the Clock of the owner instead of making a SystemClock (only the files that wire an "
    "executable make one, listed in ${ALLOWLIST}):${system_offenders}")
endif()
message(STATUS "clock check: no direct system-time call or SystemClock outside ${ALLOWLIST}'s files")
