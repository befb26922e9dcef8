#pragma once
// For the tests of the engine's Chinese texts: the words written in Latin letters outside the names a
// case writes (quoted “...” in a Chinese sentence), other than the currency codes and abbreviations a
// Chinese finance text keeps (CNY, KRW, PPP, CO2) and the "x" of a cover ratio.

#include <string>
#include <vector>

namespace cityfin::test {

inline std::vector<std::string> latinWordsOutsideNames(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    bool quoted = false;
    const std::string open = "“", close = "”";
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (text.compare(i, open.size(), open) == 0) quoted = true;
        if (text.compare(i, close.size(), close) == 0) quoted = false;
        const char ch = i < text.size() ? text[i] : ' ';
        if (!quoted && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_')) {
            word += ch;
            continue;
        }
        if (!word.empty() && word != "x" && word != "CNY" && word != "KRW" && word != "PPP" && word != "CO")
            words.push_back(word);
        word.clear();
    }
    return words;
}

} // namespace cityfin::test
