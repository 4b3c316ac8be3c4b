namespace Okno.Bench.Generate;

public sealed record Sizes(int Tickets, int MessagesPerTicket, int Contacts, int Companies, int Groups, int Agents);

/// <summary>First ids of the reference rows. The generator gives reference rows explicit, contiguous ids starting
/// after whatever the tables already hold (an admin Okno created at start, say), so that id = base + index.</summary>
public sealed record IdBases(long Group, long Agent, long Company, long Contact);

/// <summary>Groups, agents, companies and contacts: made once, deterministically from the seed, and rebuilt in memory
/// on every run (a resumed run needs the same contact-to-company and group-to-agents mapping).</summary>
public sealed class Reference
{
    public const string AgentDomain = "bench.example";
    public const string Password = "bench-password";
    /// <summary>Agents exist from this long before the newest ticket; tickets span the last two years.</summary>
    public static readonly TimeSpan AnchorBeforeEnd = TimeSpan.FromDays(760);
    public static readonly TimeSpan TicketWindow = TimeSpan.FromDays(730);

    public required Sizes Sizes { get; init; }
    public required IdBases Bases { get; init; }
    public required long AnchorTicks { get; init; }
    public long EndTicks => AnchorTicks + AnchorBeforeEnd.Ticks;
    public required GroupRow[] Groups { get; init; }
    public required AgentRow[] Agents { get; init; }
    public required AgentGroupRow[] Memberships { get; init; }
    public required CompanyRow[] Companies { get; init; }
    public required ContactRow[] Contacts { get; init; }
    public required ContactEmailRow[] Emails { get; init; }
    public required ContactPhoneRow[] Phones { get; init; }
    /// <summary>Agent ids of each group, by group index.</summary>
    public required long[][] GroupMembers { get; init; }

    public static string AgentEmail(int n) => $"agent{n}@{AgentDomain}";

    public static Reference Build(Sizes sizes, ulong seed, IdBases bases, long anchorTicks)
    {
        var rng = new Rng(seed, 1);
        var groups = new GroupRow[sizes.Groups];
        var areas = Phrases.GroupAreas;
        for (var i = 0; i < groups.Length; i++)
        {
            var line = 1 + i / areas.Length % 3;
            var round = i / (areas.Length * 3);
            var name = $"L{line} · {areas[i % areas.Length]}" + (round > 0 ? $" {round + 1}" : "");
            groups[i] = new GroupRow(bases.Group + i, name, $"Линия поддержки {line}: {areas[i % areas.Length]}", anchorTicks);
        }

        var agents = new AgentRow[sizes.Agents];
        var memberships = new List<AgentGroupRow>();
        var members = Enumerable.Range(0, sizes.Groups).Select(_ => new List<long>()).ToArray();
        for (var i = 0; i < agents.Length; i++)
        {
            var n = i + 1;
            var language = rng.Chance(0.5) ? Phrases.Russian : Phrases.English;
            var role = n == 1 ? "Admin" : n <= 4 ? "Supervisor" : "Agent";
            // agent1's CreatedAt is the anchor itself: a resumed run reads the time window back from it.
            agents[i] = new AgentRow(bases.Agent + i, AgentEmail(n), PersonName(ref rng, language),
                role, rng.Next(3) switch { 0 => "ru", 1 => "en", _ => null }, anchorTicks + i * TimeSpan.TicksPerMinute);
            if (sizes.Groups == 0) continue;
            // Every group gets agents (round-robin), and about a third of the agents work in a second line too.
            var primary = i % sizes.Groups;
            var picked = new SortedSet<int> { primary };
            if (rng.Chance(0.35)) picked.Add(rng.Next(sizes.Groups));
            foreach (var g in picked)
            {
                memberships.Add(new AgentGroupRow(agents[i].Id, groups[g].Id));
                members[g].Add(agents[i].Id);
            }
        }

        var companies = new CompanyRow[sizes.Companies];
        for (var i = 0; i < companies.Length; i++)
        {
            var russian = rng.Chance(0.5);
            var name = russian
                ? $"ООО «{rng.Pick(Phrases.RussianCompanyRoots)}{rng.Pick(Phrases.RussianCompanySuffixes)}»"
                : $"{rng.Pick(Phrases.EnglishCompanyRoots)} {rng.Pick(Phrases.EnglishCompanySuffixes)} {(rng.Chance(0.5) ? "Ltd" : "Inc.")}";
            companies[i] = new CompanyRow(bases.Company + i, name, $"c{i + 1}.example",
                anchorTicks + rng.Next(30 * 24 * 60) * TimeSpan.TicksPerMinute, russian);
        }

        var contacts = new ContactRow[sizes.Contacts];
        var emails = new List<ContactEmailRow>(sizes.Contacts + sizes.Contacts / 8);
        var phones = new List<ContactPhoneRow>(sizes.Contacts / 3);
        for (var i = 0; i < contacts.Length; i++)
        {
            var n = i + 1;
            // Three in four people write from a company; a few companies are big (square skews towards low indexes).
            int? company = companies.Length > 0 && rng.Chance(0.75) ? (int)(companies.Length * Math.Pow(rng.NextDouble(), 2)) : null;
            var russian = company is { } c ? (rng.Chance(0.85) ? companies[c].Russian : !companies[c].Russian) : rng.Chance(0.5);
            var id = bases.Contact + i;
            contacts[i] = new ContactRow(id, PersonName(ref rng, russian ? Phrases.Russian : Phrases.English),
                company is { } k ? companies[k].Id : null, anchorTicks + rng.Next(30 * 24 * 60) * TimeSpan.TicksPerMinute, russian);
            emails.Add(new ContactEmailRow(id, ContactEmail(n, company)));
            if (rng.Chance(0.1)) emails.Add(new ContactEmailRow(id, $"contact{n}.home@mail.example"));
            if (rng.Chance(0.3))
                phones.Add(new ContactPhoneRow(id, russian ? $"+79{(n * 7919L) % 1_000_000_000:D9}" : $"+1555{(n * 7919L) % 10_000_000:D7}"));
        }

        return new Reference
        {
            Sizes = sizes, Bases = bases, AnchorTicks = anchorTicks, Groups = groups, Agents = agents,
            Memberships = memberships.ToArray(), Companies = companies, Contacts = contacts, Emails = emails.ToArray(),
            Phones = phones.ToArray(), GroupMembers = members.Select(m => m.ToArray()).ToArray(),
        };
    }

    /// <summary>contact{n}@c{k}.example for a company's person (so Okno files a new address there under the company too),
    /// contact{n}@users.example for a private one.</summary>
    public static string ContactEmail(int n, int? companyIndex) =>
        companyIndex is { } k ? $"contact{n}@c{k + 1}.example" : $"contact{n}@users.example";

    private static string PersonName(ref Rng rng, Phrases.Language language)
    {
        var female = rng.Chance(0.5);
        var first = rng.Pick(female ? language.FemaleFirst : language.MaleFirst);
        return first + " " + language.Surname(rng.Pick(language.Last), female);
    }
}
