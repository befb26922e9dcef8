# Embeds models/maturity/framework.json into the models library as a C++ string, so the program
# needs no data path at run time. Included from models/CMakeLists.txt after the target exists.
set(CITYFIN_MATURITY_JSON "${CMAKE_CURRENT_SOURCE_DIR}/maturity/framework.json")
set(CITYFIN_MATURITY_CPP "${CMAKE_CURRENT_BINARY_DIR}/maturity_framework_text.cpp")
file(READ "${CITYFIN_MATURITY_JSON}" CITYFIN_MATURITY_TEXT)
if(CITYFIN_MATURITY_TEXT MATCHES "\\)cityfin_json\"")
  message(FATAL_ERROR "framework.json contains the raw-string delimiter )cityfin_json\"")
endif()
file(CONFIGURE OUTPUT "${CITYFIN_MATURITY_CPP}" CONTENT
"// Generated from models/maturity/framework.json by models/maturity/embed_framework.cmake.
#include <string_view>
namespace cityfin::models::maturity {
std::string_view builtinFrameworkText() {
    return R\"cityfin_json(@CITYFIN_MATURITY_TEXT@)cityfin_json\";
}
} // namespace cityfin::models::maturity
" @ONLY)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${CITYFIN_MATURITY_JSON}")
target_sources(cityfin_models PRIVATE "${CITYFIN_MATURITY_CPP}")
