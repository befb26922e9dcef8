# FindQuantLib: Debian's libquantlib0-dev ships neither a CMake package nor a pkg-config file.
# Defines the imported target QuantLib::QuantLib and QuantLib_VERSION.
find_path(QuantLib_INCLUDE_DIR NAMES ql/version.hpp)
find_library(QuantLib_LIBRARY NAMES QuantLib)

if(QuantLib_INCLUDE_DIR AND EXISTS "${QuantLib_INCLUDE_DIR}/ql/version.hpp")
  file(STRINGS "${QuantLib_INCLUDE_DIR}/ql/version.hpp" _ql_version_line
       REGEX "^#define QL_VERSION \"[^\"]+\"")
  string(REGEX REPLACE ".*\"([^\"]+)\".*" "\\1" QuantLib_VERSION "${_ql_version_line}")
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(QuantLib
  REQUIRED_VARS QuantLib_LIBRARY QuantLib_INCLUDE_DIR
  VERSION_VAR QuantLib_VERSION)

if(QuantLib_FOUND AND NOT TARGET QuantLib::QuantLib)
  add_library(QuantLib::QuantLib UNKNOWN IMPORTED)
  set_target_properties(QuantLib::QuantLib PROPERTIES
    IMPORTED_LOCATION "${QuantLib_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${QuantLib_INCLUDE_DIR}")
endif()
mark_as_advanced(QuantLib_INCLUDE_DIR QuantLib_LIBRARY)
