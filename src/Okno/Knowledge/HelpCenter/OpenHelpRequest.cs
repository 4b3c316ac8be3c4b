using Okno.Customers;
using Okno.Platform.Text;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Knowledge.HelpCenter;

/// <summary>The contact form of the help center.</summary>
public sealed class HelpContactInput
{
    public const int MessageMaxLength = 10_000;

    public string? Email { get; set; }
    public string? Name { get; set; }
    public string? Subject { get; set; }
    public string? Message { get; set; }
}

public enum HelpContactError { Required, TooLong, InvalidEmail }

/// <summary>Opens a web ticket for the visitor who wrote in the help center's contact form. Nobody has checked that the
/// typed address is theirs, so the ticket is filed as from an unverified sender — a new contact that keeps the address
/// as typed, is never the customer who owns it and joins no company by its domain, until an agent (or later a
/// confirmation link) confirms it (<see cref="ConfirmContact"/>). The message is theirs, and the visit records that it ended in a ticket — in the ticket's own
/// transaction, through the one creation path (<see cref="TicketCreations"/>). Nothing is written when a field is
/// wrong.</summary>
public sealed class OpenHelpRequest(TicketCreations creations, MessageBodies bodies)
{
    public static Dictionary<string, HelpContactError> Validate(HelpContactInput input)
    {
        var errors = new Dictionary<string, HelpContactError>();
        void Text(string field, string? value, int max, bool required)
        {
            if (string.IsNullOrWhiteSpace(value)) { if (required) errors[field] = HelpContactError.Required; }
            else if (value.Trim().Length > max) errors[field] = HelpContactError.TooLong;
        }
        Text(nameof(input.Email), input.Email, 254, true);
        if (!errors.ContainsKey(nameof(input.Email)) && !FieldErrors.IsEmail(input.Email!.Trim())) errors[nameof(input.Email)] = HelpContactError.InvalidEmail;
        Text(nameof(input.Name), input.Name, Contact.NameMaxLength, false);
        Text(nameof(input.Subject), input.Subject, Ticket.SubjectMaxLength, true);
        Text(nameof(input.Message), input.Message, HelpContactInput.MessageMaxLength, true);
        return errors;
    }

    /// <summary>The new ticket's reference for the visitor (<see cref="TicketReference"/>: never its number, which would
    /// tell the desk's volume); call only with input that passed <see cref="Validate"/>.</summary>
    public async Task<string> ExecuteAsync(HelpContactInput input, string visitId, CancellationToken cancellationToken)
    {
        if (Validate(input).Count > 0) throw new ArgumentException("The contact form has errors.", nameof(input));
        var body = bodies.FromText(input.Message!.Trim());
        var ticket = await creations.CreateAsync(new NewTicket(
            input.Subject!.Trim(), body, [], CustomerIdentity.UnverifiedEmail(input.Email!.Trim(), string.IsNullOrWhiteSpace(input.Name) ? null : input.Name.Trim()),
            ChannelKind.Web, TicketPriority.Normal, TicketType.Question, [], null, null, Actor: null)
        {
            AlsoWrite = (db, opened, _) =>
            {
                db.Add(new HelpVisitEvent { VisitId = visitId, Kind = HelpVisitEventKind.TicketCreated, TicketId = opened.Id, At = opened.CreatedAt });
                return Task.CompletedTask;
            },
        }, cancellationToken);
        return TicketReference.Format(ticket.Reference!);
    }
}
