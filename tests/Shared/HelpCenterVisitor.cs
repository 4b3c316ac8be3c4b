using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Okno.Testing;

/// <summary>An anonymous help-center visitor: its own cookies (so its own visit id), optionally from a given client
/// address (see <see cref="ClientAddress"/>), filling in the contact form as a browser would.</summary>
public sealed partial class HelpCenterVisitor(OknoFactory app, string? address = null)
{
    public HttpClient Client { get; } = Make(app, address);

    private static HttpClient Make(OknoFactory app, string? address)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (address is not null) client.DefaultRequestHeaders.Add(ClientAddress.Header, address);
        return client;
    }

    /// <summary>Opens the contact form, then sends it; the answer as it came (the page).</summary>
    public async Task<HttpResponseMessage> SendContactFormAsync(string email, string subject, string message, string name = "Мария",
        string language = "ru")
    {
        var page = await Client.GetAsync($"/help/{language}/contact");
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryInput().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("No antiforgery token on the page.");
        return await Client.PostAsync($"/help/{language}/contact", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "contact", ["__RequestVerificationToken"] = token, ["Input.Email"] = email, ["Input.Name"] = name,
            ["Input.Subject"] = subject, ["Input.Message"] = message,
        }));
    }

    /// <summary>The reference on the confirmation page, or null when the page has none.</summary>
    public static string? ReferenceOf(string html) => Confirmation().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The text of the confirmation paragraph.</summary>
    public static string? ConfirmationOf(string html) => ConfirmationText().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();

    [GeneratedRegex("id=\"help-ticket-created\">[^<]*?([0-9A-Z]{5}-[0-9A-Z]{5})")]
    private static partial Regex Confirmation();

    [GeneratedRegex("id=\"help-ticket-created\">([^<]*)<")]
    private static partial Regex ConfirmationText();
}

/// <summary>Lets a test choose the client address of a request (the in-memory server has none): the
/// <see cref="Header"/> header sets <c>Connection.RemoteIpAddress</c> before anything else runs. Register with
/// <see cref="Register"/> as the factory's services.</summary>
public sealed class ClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public static void Register(IServiceCollection services) => services.AddTransient<IStartupFilter, ClientAddress>();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value.ToString(), out var address))
                context.Connection.RemoteIpAddress = address;
            return nextMiddleware(context);
        });
        next(app);
    };
}
