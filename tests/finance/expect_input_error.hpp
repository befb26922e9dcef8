#pragma once
// EXPECT_INPUT_ERROR(expression, message): the expression throws cityfin::InputError whose what()
// is exactly message.

#include "finance/errors.hpp"

#include <gtest/gtest.h>

#include <exception>
#include <string>

template <class Call>
void expectInputError(const Call& call, const std::string& message) {
    try {
        call();
        ADD_FAILURE() << "no exception; expected InputError \"" << message << "\"";
    } catch (const cityfin::InputError& error) {
        EXPECT_EQ(std::string(error.what()), message);
    } catch (const std::exception& error) {
        ADD_FAILURE() << "expected InputError, got another exception: " << error.what();
    }
}

#define EXPECT_INPUT_ERROR(expression, message)                                                    \
    do {                                                                                           \
        SCOPED_TRACE(#expression);                                                                 \
        expectInputError([&] { (void)(expression); }, message);                                    \
    } while (false)
