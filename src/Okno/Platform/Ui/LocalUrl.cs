namespace Okno.Platform.Ui;

public static class LocalUrl
{
    /// <summary>A return address from outside, kept only if it stays on this site ("/x", never "//evil" or "https://…").</summary>
    public static string OrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}
