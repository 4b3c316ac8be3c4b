namespace Okno.Channels.Vk;

/// <summary>The codes of the VK channel's refusals of a Callback API request (ProblemDetails <c>code</c>).</summary>
public static class VkErrorCodes
{
    public const string InvalidEvent = "vk.invalid_event";
    public const string WrongCommunity = "vk.wrong_community";
    public const string WrongSecret = "vk.wrong_secret";
}
