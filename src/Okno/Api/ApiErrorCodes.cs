namespace Okno.Api;

/// <summary>The codes of the errors of sign-in and API tokens (see <see cref="Platform.Web.ErrorCodes"/> for the general
/// ones).</summary>
public static class ApiErrorCodes
{
    /// <summary>A sign-in with an unknown email or a wrong password (the two are not told apart).</summary>
    public const string InvalidCredentials = "auth.invalid_credentials";
    /// <summary>{id}</summary>
    public const string TokenNotFound = "token.not_found";
    /// <summary>{max}</summary>
    public const string TooManyTokens = "token.limit_reached";
}
