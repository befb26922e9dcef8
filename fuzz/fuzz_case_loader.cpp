// libFuzzer target: the case reader on arbitrary bytes. An InputError is the expected answer to a
// bad file; any other exception, a crash, a hang or a sanitizer report is a bug. A case that is
// accepted must also write and read back to the same canonical text.
#include "finance/errors.hpp"
#include "models/case_file.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::optional<cityfin::models::Case> parsed;
    try {
        parsed = cityfin::models::parseCase(text);
    } catch (const cityfin::InputError&) {
        return 0;
    }
    // Outside the try: a valid case that cannot be written or read back is a bug, not bad input.
    const std::string first = cityfin::models::caseToJson(*parsed);
    const std::string second = cityfin::models::caseToJson(cityfin::models::parseCase(first));
    if (first != second) {
        std::fprintf(stderr, "round trip changed the text:\n%s\n---\n%s\n", first.c_str(), second.c_str());
        std::abort();
    }
    return 0;
}
