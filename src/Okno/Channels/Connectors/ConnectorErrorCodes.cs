namespace Okno.Channels.Connectors;

/// <summary>The codes of the connector API's refusals (ProblemDetails <c>code</c>); their texts are in ErrorStrings.</summary>
public static class ConnectorErrorCodes
{
    public const string BadSignature = "connector.bad_signature";
    public const string StaleTimestamp = "connector.stale_timestamp";
    public const string InvalidMessage = "connector.invalid_message";
    public const string FileNotFound = "connector.file_not_found";
}
