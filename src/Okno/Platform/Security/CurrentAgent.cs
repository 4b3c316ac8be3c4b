using System.Security.Claims;
using Okno.Admin;

namespace Okno.Platform.Security;

/// <summary>The signed-in agent as the request sees it: who, which role, which groups.</summary>
public sealed record CurrentAgent(long Id, string Email, string Name, AgentRole Role, IReadOnlyList<long> GroupIds)
{
    public const string GroupClaim = "okno:group";

    public bool SeesAllTickets => Role is AgentRole.Admin or AgentRole.Supervisor;
    public bool IsAdmin => Role == AgentRole.Admin;

    public ClaimsIdentity ToIdentity(string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Email, Email),
            new(ClaimTypes.Name, Name),
            new(ClaimTypes.Role, Role.ToString()),
        };
        claims.AddRange(GroupIds.Select(g => new Claim(GroupClaim, g.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return new ClaimsIdentity(claims, scheme);
    }

    /// <summary>Lets endpoints take the signed-in agent as a parameter; the route must require authorization.</summary>
    public static ValueTask<CurrentAgent?> BindAsync(HttpContext context) => ValueTask.FromResult<CurrentAgent?>(From(context.User));

    public static CurrentAgent From(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in.");
        return new CurrentAgent(
            long.Parse(id, System.Globalization.CultureInfo.InvariantCulture),
            user.FindFirstValue(ClaimTypes.Email) ?? "",
            user.FindFirstValue(ClaimTypes.Name) ?? "",
            Enum.Parse<AgentRole>(user.FindFirstValue(ClaimTypes.Role) ?? nameof(AgentRole.Agent)),
            user.FindAll(GroupClaim).Select(c => long.Parse(c.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList());
    }
}
