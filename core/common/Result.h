#pragma once

#include "common/Error.h"

#include <exception>
#include <expected>
#include <type_traits>

namespace alpr {

/// Every public core API returns this; nothing throws across a module's edge.
template <typename T>
using Result = std::expected<T, Error>;

using VoidResult = std::expected<void, Error>;

[[nodiscard]] inline std::unexpected<Error> fail(ErrorCode code, QString message, QString detail = {})
{
    return std::unexpected(makeError(code, std::move(message), std::move(detail)));
}

/// Thrown inside a module (the store's RAII wrapper throws it) and turned into a Result at the edge by guarded().
class ErrorException : public std::exception {
public:
    explicit ErrorException(Error error) : m_error(std::move(error)), m_what(m_error.toString().toUtf8()) {}
    const Error& error() const noexcept { return m_error; }
    const char* what() const noexcept override { return m_what.constData(); }

private:
    Error m_error;
    QByteArray m_what;
};

[[noreturn]] inline void raise(ErrorCode code, QString message, QString detail = {})
{
    throw ErrorException(makeError(code, std::move(message), std::move(detail)));
}

/// Runs body at a module edge: ErrorException becomes its Error, any other exception an Internal error.
template <typename F>
auto guarded(F&& body) -> Result<std::invoke_result_t<F>>
{
    try {
        if constexpr (std::is_void_v<std::invoke_result_t<F>>) {
            body();
            return {};
        } else {
            return body();
        }
    } catch (const ErrorException& e) {
        return std::unexpected(e.error());
    } catch (const std::exception& e) {
        return std::unexpected(makeError(ErrorCode::Internal, QStringLiteral("Unexpected internal error"),
                                         QString::fromUtf8(e.what())));
    }
}

/// Same as guarded(), for a body that already returns a Result.
template <typename F>
auto guardedResult(F&& body) -> std::invoke_result_t<F>
{
    try {
        return body();
    } catch (const ErrorException& e) {
        return std::unexpected(e.error());
    } catch (const std::exception& e) {
        return std::unexpected(makeError(ErrorCode::Internal, QStringLiteral("Unexpected internal error"),
                                         QString::fromUtf8(e.what())));
    }
}

} // namespace alpr
