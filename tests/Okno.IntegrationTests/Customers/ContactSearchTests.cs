using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Okno.Customers;
using Okno.Testing;

namespace Okno.IntegrationTests.Customers;

/// <summary>Issue 14: the customer picker of a new ticket finds contacts by the start of an email or phone number and by
/// any part of a name, alike on both databases; a new ticket can name an existing contact by id.</summary>
public sealed class ContactSearchTests
{
    [Theory]
    [BothDatabases]
    public async Task Contacts_are_found_by_email_start_phone_digits_and_any_part_of_a_name(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var marker = Guid.NewGuid().ToString("N")[..8];
        var olga = (await admin.PostJsonAsync("/api/v1/contacts", new
        {
            name = $"Ольга Петрова {marker}", emails = new[] { $"olga.{marker}@example.org" }, phones = new[] { "+7 (495) 111-22-33" },
        })).Id();
        var percent = (await admin.PostJsonAsync("/api/v1/contacts", new { name = $"100% {marker}", emails = new[] { $"p.{marker}@example.org" } })).Id();
        await admin.PostJsonAsync("/api/v1/contacts", new { name = "Someone else", emails = new[] { $"else.{marker}@example.org" } });

        async Task<IReadOnlyList<ContactChoice>> ChoicesAsync(string text)
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ContactSearch>().FindAsync(text, 10, CancellationToken.None);
        }
        async Task<List<long>> FindAsync(string text) => (await ChoicesAsync(text)).Select(c => c.Id).ToList();

        Assert.Equal([olga], await FindAsync($"OLGA.{marker}@"));
        Assert.Equal([olga], await FindAsync("+7495111"));
        Assert.Equal([olga], await FindAsync($"петрова {marker}"));           // case-insensitive in Cyrillic too
        Assert.Equal([olga], await FindAsync($"olga.{marker}"));             // a part of an address without "@"
        Assert.Equal([percent], await FindAsync($"100% {marker}"));          // "%" is a character, not a wildcard
        Assert.Empty(await FindAsync($"%{marker}x"));
        Assert.Empty(await FindAsync("o"));                                  // too short to search
        var found = Assert.Single(await ChoicesAsync($"olga.{marker}"));
        Assert.Equal(($"olga.{marker}@example.org", "+74951112233"), (found.Email, found.Phone));
    }

    [Theory]
    [BothDatabases]
    public async Task A_ticket_for_an_existing_contact_by_id_is_theirs_and_an_unknown_id_is_refused(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var contact = (await admin.PostJsonAsync("/api/v1/contacts", new { name = "Caller", phones = new[] { "+7 900 000-00-01" } })).Id();

        var ticket = await admin.PostJsonAsync("/api/v1/tickets", new
        {
            subject = "Phoned in", body = "About the delivery", channel = "phone", customer = new { id = contact, email = "ignored@example.org" },
        });
        Assert.Equal(contact, ticket.GetProperty("customer").Id());
        Assert.Equal("phone", ticket.Str("channel"));
        var card = await admin.GetJsonAsync($"/api/v1/contacts/{contact}");
        Assert.Empty(card.GetProperty("emails").EnumerateArray());   // the other keys given are not attached to the contact

        var unknown = await (await admin.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "Nobody", body = "Text", customer = new { id = 999_999 },
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["customer.id"], unknown.ErrorFields());
    }
}
