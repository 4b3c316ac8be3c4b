namespace Okno.Api;

/// <summary>The codes of the errors of sign-in and API tokens (see <see cref="Platform.Web.ErrorCodes"/> for the general
/// ones).</summary>
public static class ApiErrorCodes
{
    /// <summary>A sign-in with an unknown email or a wrong password (the two are not told apart).</summary>
    public const string InvalidCredentials = "auth.invalid_credentials";
    /// <summary>Too many failed sign-ins for this account or address: wait {retryAfter} seconds (also a Retry-After header).</summary>
    public const string SignInThrottled = "auth.throttled";
    /// <summary>The server is busy checking other sign-ins (a flood): try again in {retryAfter} seconds.</summary>
    public const string SignInBusy = "auth.busy";
    /// <summary>{id}</summary>
    public const string TokenNotFound = "token.not_found";
    /// <summary>{max}</summary>
    public const string TooManyTokens = "token.limit_reached";
}
