using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Customers;
using Okno.Platform.Data;
using Okno.Platform.Text;
using Okno.Tickets;
using Okno.Platform.Security;

namespace Okno.Demo;

/// <summary>Fills an empty desk with a lived-in history in Russian and English: lines, agents, companies, contacts
/// and a few hundred tickets with conversations. The same seed gives the same people and texts on every empty
/// database; only the dates follow the clock. Everything goes through the domain methods, so history is real.</summary>
public static partial class DemoData
{
    /// <summary>Every demo agent signs in with this; it is printed in the log at start.</summary>
    public const string Password = "demo-password";

    private const int Seed = 20261123;
    private const int ContactCount = 120;
    private const int TicketCount = 300;

    public static async Task SeedDemoAsync(this IServiceProvider services)
    {
        var ct = CancellationToken.None;
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<OknoDb>();
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Okno.Demo");
        if (await db.Tickets.AnyAsync(ct))
        {
            logger.LogInformation("Demo data skipped: the database already has tickets");
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var exact = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        // Whole seconds: the planted timestamps look like ones people made.
        var now = exact.AddTicks(-(exact.UtcTicks % TimeSpan.TicksPerSecond));
        var random = new Random(Seed);
        Desk desk;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var groups = await EnsureGroupsAsync(db, now, ct);
            var agents = await EnsureAgentsAsync(db, sp.GetRequiredService<IPasswordHasher<Agent>>(), sp.GetRequiredService<Audit>(),
                logger, groups, now, ct);
            var companies = await EnsureCompaniesAsync(db, random, now, ct);
            var contacts = await EnsureContactsAsync(db, random, companies, now, ct);
            await EnsureTagsAsync(db, ct);
            await transaction.CommitAsync(ct);
            desk = new Desk(groups, agents, contacts);
        }
        db.ChangeTracker.Clear();

        if (desk.Agents.Count == 0)
        {
            logger.LogWarning("Demo tickets skipped: none of the demo agents is active");
            return;
        }
        var plans = PlanTickets(random, now, desk, sp.GetRequiredService<MessageBodies>());
        await InsertAsync(sp.GetRequiredService<TicketCreations>(), plans);
        await SeedKnowledgeAsync(sp, desk.Agents[0].Id, ct);
        await Channels.ChannelsDemo.SeedAsync(sp, desk.Groups.TryGetValue("L1", out var firstLine) ? firstLine : null, ct);
        await Routing.RoutingDemo.SeedAsync(sp, desk.Groups, ct);

        logger.LogInformation(
            "Demo data created in {Elapsed} ms: {Tickets} tickets, {Messages} messages, {Events} history events, {Contacts} contacts, {Companies} companies",
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, plans.Count, plans.Sum(p => p.MessageCount),
            await db.TicketEvents.CountAsync(ct), desk.Contacts.Count, CompanySeeds.Length);
        logger.LogInformation("Demo agents: {Emails}; password for all of them: {Password}",
            string.Join(", ", AgentSeeds.Select(a => a.Email)), Password);
    }

    // ---- Directory: lines, agents, companies, contacts, tags ----

    private static async Task<Dictionary<string, long>> EnsureGroupsAsync(OknoDb db, DateTimeOffset now, CancellationToken ct)
    {
        var names = GroupSeeds.Select(g => g.Name).ToList();
        var groups = await db.Groups.Where(g => names.Contains(g.Name)).ToDictionaryAsync(g => g.Name, ct);
        foreach (var (name, description) in GroupSeeds)
        {
            if (groups.ContainsKey(name)) continue;
            var group = new Group { Name = name, Description = description, CreatedAt = now.AddDays(-150) };
            db.Groups.Add(group);
            groups[name] = group;
        }
        await db.SaveChangesAsync(ct);
        return groups.ToDictionary(g => g.Key, g => g.Value.Id);
    }

    private static async Task<List<DemoAgent>> EnsureAgentsAsync(OknoDb db, IPasswordHasher<Agent> hasher, Audit audit,
        ILogger logger, Dictionary<string, long> groups, DateTimeOffset now, CancellationToken ct)
    {
        var emails = AgentSeeds.Select(a => a.Email).ToList();
        var agents = await db.Agents.Where(a => emails.Contains(a.Email)).ToDictionaryAsync(a => a.Email, ct);
        if (agents.Count > 0)
            logger.LogInformation("Demo agents that already exist are left as they are: {Emails}", string.Join(", ", agents.Keys));
        foreach (var seed in AgentSeeds)
        {
            if (agents.ContainsKey(seed.Email)) continue;
            var agent = new Agent
            {
                Email = seed.Email, Name = seed.Name, Role = seed.Role, Language = seed.Lang == Lang.Ru ? "ru" : "en",
                CreatedAt = now.AddDays(-120),
                Groups = seed.Lines.Select(l => new AgentGroup { GroupId = groups[l] }).ToList(),
            };
            agent.PasswordHash = hasher.HashPassword(agent, Password);
            db.Agents.Add(agent);
            audit.Add(null, "agent.created", $"agent:{seed.Email}", "demo data");
            agents[seed.Email] = agent;
        }
        await db.SaveChangesAsync(ct);
        // An existing demo address that was deactivated stays out of the queues.
        return AgentSeeds.Where(s => agents[s.Email].IsActive)
            .Select(s => new DemoAgent(agents[s.Email].Id, s.Role, s.Lang, s.Female, s.RuFirstName, s.EnFirstName, s.Lines)).ToList();
    }

    private static async Task<List<DemoCompany>> EnsureCompaniesAsync(OknoDb db, Random r, DateTimeOffset now, CancellationToken ct)
    {
        var domains = CompanySeeds.Select(c => c.Domain).ToList();
        var existing = await db.CompanyDomains.Where(d => domains.Contains(d.Domain)).Join(db.Companies, d => d.CompanyId, c => c.Id,
            (d, c) => new { d.Domain, Company = c }).ToDictionaryAsync(x => x.Domain, x => x.Company, ct);
        var entities = new List<Company>();
        foreach (var seed in CompanySeeds)
        {
            var createdAt = now.AddDays(-r.Next(400, 900));
            var company = existing.GetValueOrDefault(seed.Domain);
            if (company is null)
            {
                company = new Company { Name = seed.Name, Domains = [new() { Domain = seed.Domain }], CreatedAt = createdAt };
                db.Companies.Add(company);
            }
            entities.Add(company);
        }
        await db.SaveChangesAsync(ct);
        return CompanySeeds.Select((s, i) => new DemoCompany(entities[i].Id, s.Name, s.Domain, s.Lang, s.Vip)).ToList();
    }

    private static async Task<List<DemoContact>> EnsureContactsAsync(OknoDb db, Random r, List<DemoCompany> companies,
        DateTimeOffset now, CancellationToken ct)
    {
        // Drafted in memory first, so the random sequence does not depend on what the database holds.
        var drafts = DraftContacts(r, companies);
        var addresses = drafts.Select(d => d.Email).ToList();
        var taken = await db.ContactEmails.Where(e => addresses.Contains(e.Address)).ToDictionaryAsync(e => e.Address, e => e.ContactId, ct);
        var telegramIds = drafts.Where(d => d.TelegramId is not null).Select(d => d.TelegramId!).ToList();
        var takenTelegram = (await db.ContactExternalIds.Where(x => x.Channel == ChannelKind.Telegram && telegramIds.Contains(x.ExternalId))
            .Select(x => x.ExternalId).ToListAsync(ct)).ToHashSet();

        var entities = new List<Contact?>();
        foreach (var draft in drafts)
        {
            if (taken.ContainsKey(draft.Email))
            {
                entities.Add(null);
                continue;
            }
            var contact = new Contact
            {
                Name = draft.Name, CompanyId = draft.Company?.Id, CreatedAt = now.AddDays(-draft.AgeDays),
                Emails = [new ContactEmail { Address = draft.Email }],
                Memberships = draft.Company is { } company ? [new() { CompanyId = company.Id }] : [],
            };
            if (draft.Phone is not null) contact.Phones.Add(new ContactPhone { Number = ContactPhone.Normalize(draft.Phone) });
            if (draft.TelegramId is not null && !takenTelegram.Contains(draft.TelegramId))
                contact.ExternalIds.Add(new ContactExternalId { Channel = ChannelKind.Telegram, ExternalId = draft.TelegramId });
            db.Contacts.Add(contact);
            entities.Add(contact);
        }
        await db.SaveChangesAsync(ct);
        return drafts.Select((d, i) => entities[i] is { } c
                ? new DemoContact(c.Id, d.Name, d.Lang, d.Female, d.Company, c.ExternalIds.Count > 0)
                : new DemoContact(taken[d.Email], d.Name, d.Lang, d.Female, d.Company, false))
            .ToList();
    }

    private static List<ContactDraft> DraftContacts(Random r, List<DemoCompany> companies)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var drafts = new List<ContactDraft>(ContactCount);
        for (var i = 0; i < ContactCount; i++)
        {
            // Alternating keeps the two languages even, also among the frequent writers at the front of the list.
            var lang = i % 2 == 0 ? Lang.Ru : Lang.En;
            var ownCompanies = companies.Where(c => c.Lang == lang).ToList();
            var company = r.Next(100) < 65 ? Pick(r, ownCompanies) : null;
            string first, last, latinFirst, latinLast;
            var female = r.Next(2) == 0;
            if (lang == Lang.Ru)
            {
                first = Pick(r, female ? RuFemaleNames : RuMaleNames);
                last = Pick(r, RuSurnames);
                if (female) last = FeminineSurname(last);
                (latinFirst, latinLast) = (Translit(first), Translit(last));
            }
            else
            {
                first = Pick(r, female ? EnFemaleNames : EnMaleNames);
                last = Pick(r, EnSurnames);
                (latinFirst, latinLast) = (first.ToLowerInvariant(), last.ToLowerInvariant());
            }

            var style = r.Next(3);
            var year = r.Next(70, 100);
            string local, domain;
            if (company is not null)
            {
                local = lang == Lang.Ru ? $"{latinFirst[0]}.{latinLast}" : $"{latinFirst}.{latinLast}";
                domain = company.Domain;
            }
            else
            {
                local = style switch
                {
                    0 => $"{latinFirst}.{latinLast}",
                    1 => $"{latinLast}.{latinFirst[0]}{year}",
                    _ => $"{latinFirst}{latinLast}{year}",
                };
                domain = Pick(r, lang == Lang.Ru ? RuMailDomains : EnMailDomains);
            }
            var email = local + "@" + domain;
            for (var n = 2; !used.Add(email); n++) email = $"{local}{n}@{domain}";

            var phone = r.Next(100) < 45 ? DraftPhone(r, lang, company is not null) : null;
            var telegram = r.Next(100) < (lang == Lang.Ru ? 50 : 10)
                ? r.NextInt64(100_000_000, 7_000_000_000).ToString(CultureInfo.InvariantCulture) : null;
            drafts.Add(new ContactDraft($"{first} {last}", lang, female, company, email, phone, telegram, r.Next(61, 400)));
        }
        return drafts;
    }

    private static string DraftPhone(Random r, Lang lang, bool office)
    {
        string D(int digits) => r.Next((int)Math.Pow(10, digits)).ToString(new string('0', digits), CultureInfo.InvariantCulture);
        if (lang == Lang.Ru)
            return office ? $"+7 ({Pick(r, RuCityCodes)}) {D(3)}-{D(2)}-{D(2)}" : $"+7 (9{D(2)}) {D(3)}-{D(2)}-{D(2)}";
        // Ofcom's and NANP's ranges reserved for fiction, so no real subscriber is listed.
        return r.Next(2) == 0 ? $"+44 20 7946 0{D(3)}" : $"+1 ({Pick(r, UsAreaCodes)}) 555-01{D(2)}";
    }

    private static async Task EnsureTagsAsync(OknoDb db, CancellationToken ct)
    {
        var existing = await db.Tags.Where(t => AllTagNames.Contains(t.Name)).Select(t => t.Name).ToListAsync(ct);
        foreach (var name in AllTagNames.Except(existing)) db.Tags.Add(new Tag { Name = name });
        await db.SaveChangesAsync(ct);
    }

    // ---- Tickets ----

    private static List<TicketPlan> PlanTickets(Random r, DateTimeOffset now, Desk desk, MessageBodies bodies)
    {
        var plans = new List<TicketPlan>(TicketCount);
        for (var i = 0; i < TicketCount; i++)
        {
            // Skewed towards the front of the list: a few regulars write often, most people once or twice.
            var contact = desk.Contacts[(int)(Math.Pow(r.NextDouble(), 1.3) * desk.Contacts.Count)];
            plans.Add(PlanTicket(r, now, desk, contact, bodies));
        }
        // Inserted oldest first, so numbers and ids grow with time as they would have.
        return plans.OrderBy(p => p.CreatedAt).ToList();
    }

    private static TicketPlan PlanTicket(Random r, DateTimeOffset now, Desk desk, DemoContact contact, MessageBodies bodies)
    {
        var ru = contact.Lang == Lang.Ru;
        var script = Pick(r, ru ? RuScripts : EnScripts);
        var status = Weighted(r, StatusWeights);
        var channel = Weighted(r, ru ? RuChannels : EnChannels);
        if (channel == DemoChannel.Telegram && !contact.HasTelegram) channel = DemoChannel.Email;
        var vip = contact.Company?.Vip == true;
        var priority = Shift(script.Priority, r.Next(100) switch { < 20 => -1, >= 90 => 1, _ => 0 } + (vip && r.Next(100) < 40 ? 1 : 0));
        // Part of the L2/L3 work arrives on the first line and is escalated from there.
        var startLine = script.Line != "L1" && r.Next(100) < 40 ? "L1" : script.Line;
        var unrouted = status == TicketStatus.New && r.Next(100) < 25;
        var owner = PickAgent(r, desk.Agents, script.Line, contact.Lang);
        var triager = startLine == script.Line ? owner : PickAgent(r, desk.Agents, startLine, contact.Lang);
        var creator = channel switch
        {
            DemoChannel.Phone => Actor.Agent(triager.Id),
            DemoChannel.Api => Actor.System,
            _ => Actor.Contact(contact.Id),
        };
        var number = r.Next(10_000, 99_999).ToString(CultureInfo.InvariantCulture);
        var subject = Pick(r, script.Subjects).Replace("{num}", number, StringComparison.Ordinal);
        var plan = new TicketPlan(contact, subject, channel, priority, script.Type, unrouted ? null : desk.Groups[startLine], creator);
        // Customers write in their daytime; the time of day is fixed up front so agent replies can keep office hours.
        plan.StartOfDay = TimeSpan.FromMinutes(ru ? r.Next(5 * 60, 19 * 60) : r.Next(7 * 60, 21 * 60)) + TimeSpan.FromSeconds(r.Next(60));
        var c = new Conversation(r, bodies, plan, contact, channel, number);

        var tags = script.Tags.ToList();
        if (vip) tags.Add("vip");
        if (priority == TicketPriority.Urgent) tags.Add(ru ? "срочно" : "urgent");
        var fast = channel is DemoChannel.Chat or DemoChannel.Telegram;
        void AgentGap() => c.AgentWait(fast ? 1 : 10, fast ? 20 : 360);
        void CustomerGap() => c.Wait(fast ? 1 : 20, fast ? 15 : 1440);

        c.FromCustomer(script.Opening);
        if (status == TicketStatus.New)
        {
            // An automation may already have tagged it; nobody has answered yet.
            if (r.Next(2) == 0) c.SetTags(Actor.System, tags);
            if (r.Next(100) < 25)
            {
                c.Wait(60, 300);
                c.FromCustomer(Pick(r, ru ? RuPings : EnPings));
            }
        }
        else
        {
            var triage = Actor.Agent(triager.Id);
            c.AgentWait(fast ? 1 : 5, fast ? 10 : 120);
            c.Assign(triager, triage);
            c.SetTags(triage, tags);
            if (priority < TicketPriority.Urgent && r.Next(100) < 8) c.ChangePriority(triage, Shift(priority, 1));
            if (startLine != script.Line)
            {
                c.Note(triager, Pick(r, (ru, script.Line) switch
                {
                    (true, "L2") => RuEscalateL2, (true, _) => RuEscalateL3, (false, "L2") => EnEscalateL2, _ => EnEscalateL3,
                }));
                c.MoveToGroup(desk.Groups[script.Line], triage);
                c.AgentWait(5, 90);
                c.Assign(owner, Actor.Agent(owner.Id));
            }
            else if (vip && r.Next(3) == 0) c.Note(owner, Pick(r, ru ? RuVipNotes : EnVipNotes));

            var by = Actor.Agent(owner.Id);
            switch (status)
            {
                case TicketStatus.Open:
                    switch (r.Next(4))
                    {
                        case 0: // acknowledged, being worked on
                            AgentGap();
                            c.FromAgent(owner, Pick(r, ru ? RuAcks : EnAcks));
                            break;
                        case 1 or 2: // the customer has answered the agent's question
                            AgentGap();
                            c.FromAgent(owner, script.Reply);
                            CustomerGap();
                            c.FromCustomer(script.FollowUp);
                            if (c.Notes == 0 && r.Next(2) == 0)
                            {
                                c.AgentWait(30, 600);
                                c.Note(owner, script.Note);
                            }
                            break;
                        default: // solved, then came back
                            AgentGap();
                            c.FromAgent(owner, script.Reply);
                            CustomerGap();
                            c.FromCustomer(script.FollowUp);
                            AgentGap();
                            c.FromAgent(owner, script.Solution);
                            c.Wait(1, 30);
                            c.ChangeStatus(by, TicketStatus.Resolved);
                            c.Wait(600, 4000);
                            c.FromCustomer(Pick(r, ru ? RuReopens : EnReopens));
                            break;
                    }
                    break;

                case TicketStatus.Pending: // waiting for the customer
                    AgentGap();
                    c.FromAgent(owner, script.Reply);
                    if (r.Next(2) == 0)
                    {
                        CustomerGap();
                        c.FromCustomer(script.FollowUp);
                        AgentGap();
                        c.FromAgent(owner, script.Solution);
                    }
                    c.Wait(1, 5);
                    c.ChangeStatus(by, TicketStatus.Pending);
                    break;

                case TicketStatus.OnHold: // waiting for a vendor or specialists
                    AgentGap();
                    c.FromAgent(owner, script.Reply);
                    CustomerGap();
                    c.FromCustomer(script.FollowUp);
                    c.AgentWait(30, 600);
                    c.Note(owner, script.Note);
                    c.AgentWait(5, 60);
                    c.FromAgent(owner, Pick(r, ru ? RuHolds : EnHolds));
                    c.Wait(1, 5);
                    c.ChangeStatus(by, TicketStatus.OnHold);
                    break;

                default: // resolved or closed; the solution builds on what the customer answered
                    AgentGap();
                    c.FromAgent(owner, script.Reply);
                    CustomerGap();
                    c.FromCustomer(script.FollowUp);
                    if (c.Notes == 0 && r.Next(100) < 30)
                    {
                        c.AgentWait(20, 300);
                        c.Note(owner, script.Note);
                    }
                    AgentGap();
                    c.FromAgent(owner, script.Solution);
                    if (r.Next(100) < 75)
                    {
                        CustomerGap();
                        c.FromCustomer(script.Thanks);
                    }
                    c.Wait(1, 30);
                    if (status == TicketStatus.Closed && r.Next(100) < 30) c.ChangeStatus(by, TicketStatus.Closed);
                    else
                    {
                        c.ChangeStatus(by, TicketStatus.Resolved);
                        if (status == TicketStatus.Closed)
                        {
                            // Closed by the nightly rule three days after resolution.
                            c.Wait(3 * 24 * 60, 3 * 24 * 60 + 180);
                            c.ChangeStatus(Actor.System, TicketStatus.Closed);
                        }
                    }
                    break;
            }
        }

        var (minAge, maxAge) = AgeRange(status);
        var day = now.AddDays(-(minAge + r.NextDouble() * (maxAge - minAge))).UtcDateTime.Date;
        var created = new DateTimeOffset(day, TimeSpan.Zero) + plan.StartOfDay;
        // Nothing may happen in the future: a timeline that would run past now starts a day earlier, same hour.
        while (created + plan.Elapsed > now - TimeSpan.FromMinutes(1)) created = created.AddDays(-1);
        plan.CreatedAt = created;
        return plan;
    }

    private static (double Min, double Max) AgeRange(TicketStatus status) => status switch
    {
        TicketStatus.New => (0, 1.5),
        TicketStatus.Open => (0.2, 8),
        TicketStatus.Pending => (0.5, 12),
        TicketStatus.OnHold => (2, 25),
        TicketStatus.Resolved => (1, 20),
        _ => (6, 59),
    };

    private static DemoAgent PickAgent(Random r, List<DemoAgent> agents, string line, Lang lang)
    {
        var inLine = agents.Where(a => a.Lines.Contains(line)).ToList();
        if (inLine.Count == 0) inLine = agents;
        // Mostly someone who writes the customer's language; the supervisor steps in now and then.
        var preferred = inLine.Where(a => a.Lang == lang && a.Role != AgentRole.Supervisor).ToList();
        return r.Next(100) < 70 && preferred.Count > 0 ? Pick(r, preferred) : Pick(r, inLine);
    }

    /// <summary>Through the one creation path, like any other intake: each ticket is opened at its planned time with
    /// the customer's first message, and the rest of its life is replayed in its creation transaction. All are handed
    /// over at once, so they are numbered in creation order and written a batch to a transaction.</summary>
    private static async Task InsertAsync(TicketCreations creations, List<TicketPlan> plans) =>
        await Task.WhenAll(plans.Select(plan => creations.CreateAsync(plan.ToNewTicket(), CancellationToken.None)).ToList());

    /// <summary>One ticket as a list of steps at offsets from its creation; the offsets are planned first and the
    /// creation time last, so the whole timeline can be fitted before now. The customer's first message opens it.</summary>
    private sealed class TicketPlan(DemoContact contact, string subject, DemoChannel channel, TicketPriority priority, TicketType type,
        long? groupId, Actor creator)
    {
        private readonly List<(TimeSpan At, Action<Ticket, DateTimeOffset, IReadOnlyDictionary<string, Tag>> Apply)> _steps = [];

        public DemoContact Contact => contact;
        public TimeSpan Elapsed { get; private set; }
        public DateTimeOffset CreatedAt { get; set; }
        /// <summary>UTC time of day the ticket is created at (unless it has to be moved to fit before now).</summary>
        public TimeSpan StartOfDay { get; set; }
        public int MessageCount { get; set; }
        public MessageBody? Opening { get; set; }

        public void Wait(TimeSpan gap) => Elapsed += gap;

        public void Then(Action<Ticket, DateTimeOffset, IReadOnlyDictionary<string, Tag>> apply) => _steps.Add((Elapsed, apply));

        public NewTicket ToNewTicket() => new(subject, Opening!, [], CustomerIdentity.Known(contact.Id), ChannelKind.Of(channel.ToString().ToLowerInvariant()), priority, type, [], groupId, null, creator)
        {
            At = CreatedAt,
            AlsoWrite = async (db, ticket, ct) =>
            {
                var tags = await db.Tags.Where(t => AllTagNames.Contains(t.Name)).ToDictionaryAsync(t => t.Name, ct);
                foreach (var (at, apply) in _steps) apply(ticket, CreatedAt + at, tags);
            },
        };
    }

    /// <summary>Writes a ticket's steps in the voice of its channel: letters get a greeting and a signature, chats do not.</summary>
    private sealed class Conversation(Random r, MessageBodies bodies, TicketPlan plan, DemoContact contact, DemoChannel channel, string number)
    {
        private readonly bool _ru = contact.Lang == Lang.Ru;
        private bool _customerWrote;
        private bool _agentGreeted;

        public int Notes { get; private set; }

        public void Wait(int minMinutes, int maxMinutes) =>
            plan.Wait(TimeSpan.FromMinutes(r.Next(minMinutes, maxMinutes + 1)) + TimeSpan.FromSeconds(r.Next(60)));

        /// <summary>Waits, then on to the next working morning if that lands outside the desk's hours
        /// (Moscow 08–21 for Russian tickets, London/New York 08–20 UTC for English ones).</summary>
        public void AgentWait(int minMinutes, int maxMinutes)
        {
            Wait(minMinutes, maxMinutes);
            var (opens, closes) = _ru ? (TimeSpan.FromHours(5), TimeSpan.FromHours(18)) : (TimeSpan.FromHours(8), TimeSpan.FromHours(20));
            var morningDelay = TimeSpan.FromMinutes(r.Next(5, 90));
            var timeOfDay = TimeSpan.FromTicks((plan.StartOfDay + plan.Elapsed).Ticks % TimeSpan.TicksPerDay);
            if (timeOfDay < opens) plan.Wait(opens - timeOfDay + morningDelay);
            else if (timeOfDay > closes) plan.Wait(TimeSpan.FromDays(1) - timeOfDay + opens + morningDelay);
        }

        public void FromCustomer(string text)
        {
            var body = bodies.FromText(CustomerVoice(Fill(text, contact.Female)));
            _customerWrote = true;
            if (plan.Opening is null)
            {
                // The first message is the one the ticket is opened with.
                plan.Opening = body;
                plan.MessageCount++;
            }
            else Add(MessageDirection.In, false, Actor.Contact(contact.Id), body);
        }

        public void FromAgent(DemoAgent agent, string text) =>
            Add(MessageDirection.Out, false, Actor.Agent(agent.Id), bodies.FromText(AgentVoice(agent, Fill(text, agent.Female))));

        public void Note(DemoAgent agent, string text)
        {
            Notes++;
            Add(MessageDirection.Out, true, Actor.Agent(agent.Id), bodies.FromText(Fill(text, agent.Female)));
        }

        public void ChangeStatus(Actor actor, TicketStatus status) => plan.Then((t, at, _) => t.ChangeStatus(status, actor, at));

        public void ChangePriority(Actor actor, TicketPriority priority) => plan.Then((t, at, _) => t.ChangePriority(priority, actor, at));

        public void Assign(DemoAgent agent, Actor actor) => plan.Then((t, at, _) => t.AssignTo(agent.Id, actor, at));

        public void MoveToGroup(long groupId, Actor actor) => plan.Then((t, at, _) => t.MoveToGroup(groupId, actor, at));

        public void SetTags(Actor actor, IReadOnlyList<string> names) =>
            plan.Then((t, at, tags) => t.SetTags(names.Select(n => tags[Tag.Normalize(n)]).ToList(), actor, at));

        private void Add(MessageDirection direction, bool isInternal, Actor author, MessageBody body)
        {
            plan.MessageCount++;
            plan.Then((t, at, _) => t.AddMessage(new Message(direction, isInternal, author, body.Text, body.Html, at), at));
        }

        /// <summary>Puts in the order number and picks the writer's gender where Russian needs it: "{Отменил|Отменила}".</summary>
        private string Fill(string text, bool female) =>
            GenderForms().Replace(text.Replace("{num}", number, StringComparison.Ordinal), m => m.Groups[female ? 2 : 1].Value);

        private string CustomerVoice(string text)
        {
            var first = !_customerWrote;
            switch (channel)
            {
                case DemoChannel.Email or DemoChannel.Web when first:
                    var signature = contact.Company is { } company ? $"{contact.Name}\n{company.Name}" : contact.Name;
                    return $"{Pick(r, _ru ? RuHellos : EnHellos)}\n\n{text}\n\n{Pick(r, _ru ? RuByes : EnByes)},\n{signature}";
                case DemoChannel.Email or DemoChannel.Web:
                    return $"{text}\n\n{contact.FirstName}";
                case DemoChannel.Phone when first:
                    return (_ru ? "Записано со звонка клиента.\n\n" : "Logged from a phone call.\n\n") + text;
                case DemoChannel.Chat or DemoChannel.Telegram when first && r.Next(2) == 0:
                    return (_ru ? "Здравствуйте! " : "Hi! ") + text;
                default:
                    return text;
            }
        }

        private string AgentVoice(DemoAgent agent, string text)
        {
            if (channel is DemoChannel.Chat or DemoChannel.Telegram)
            {
                if (_agentGreeted) return text;
                _agentGreeted = true;
                return (_ru ? $"Здравствуйте, {contact.FirstName}! " : $"Hi {contact.FirstName}! ") + text;
            }
            var name = agent.FirstName(contact.Lang);
            return _ru
                ? $"Здравствуйте, {contact.FirstName}!\n\n{text}\n\nС уважением,\n{name}\nСлужба поддержки"
                : $"Hi {contact.FirstName},\n\n{text}\n\nBest regards,\n{name}\nSupport team";
        }
    }

    // ---- Small helpers ----

    [System.Text.RegularExpressions.GeneratedRegex(@"\{([^{}|]*)\|([^{}|]*)\}")]
    private static partial System.Text.RegularExpressions.Regex GenderForms();

    private static T Pick<T>(Random r, IReadOnlyList<T> items) => items[r.Next(items.Count)];

    private static T Weighted<T>(Random r, IReadOnlyList<(T Value, int Weight)> options)
    {
        var roll = r.Next(options.Sum(o => o.Weight));
        foreach (var (value, weight) in options)
        {
            if (roll < weight) return value;
            roll -= weight;
        }
        return options[^1].Value;
    }

    private static TicketPriority Shift(TicketPriority priority, int by) =>
        (TicketPriority)Math.Clamp((int)priority + by, (int)TicketPriority.Low, (int)TicketPriority.Urgent);

    private static string FeminineSurname(string surname) =>
        surname.EndsWith("ский", StringComparison.Ordinal) ? surname[..^2] + "ая"
        : surname.EndsWith("ов", StringComparison.Ordinal) || surname.EndsWith("ев", StringComparison.Ordinal)
          || surname.EndsWith("ёв", StringComparison.Ordinal) || surname.EndsWith("ин", StringComparison.Ordinal) ? surname + "а"
        : surname;

    private static string Translit(string russian)
    {
        var latin = new StringBuilder();
        foreach (var ch in russian.ToLowerInvariant())
        {
            var index = RuAlphabet.IndexOf(ch, StringComparison.Ordinal);
            latin.Append(index >= 0 ? LatinAlphabet[index] : ch.ToString());
        }
        return latin.ToString();
    }

    private const string RuAlphabet = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
    private static readonly string[] LatinAlphabet =
    [
        "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts",
        "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
    ];

    private enum Lang { Ru, En }

    private sealed record Desk(Dictionary<string, long> Groups, List<DemoAgent> Agents, List<DemoContact> Contacts);

    private sealed record DemoAgent(long Id, AgentRole Role, Lang Lang, bool Female, string RuFirstName, string EnFirstName, string[] Lines)
    {
        public string FirstName(Lang lang) => lang == Lang.Ru ? RuFirstName : EnFirstName;
    }

    private sealed record DemoCompany(long Id, string Name, string Domain, Lang Lang, bool Vip);

    private sealed record DemoContact(long Id, string Name, Lang Lang, bool Female, DemoCompany? Company, bool HasTelegram)
    {
        public string FirstName => Name.Split(' ')[0];
    }

    private sealed record ContactDraft(string Name, Lang Lang, bool Female, DemoCompany? Company, string Email, string? Phone, string? TelegramId, int AgeDays);

    private sealed record AgentSeed(string Email, string Name, AgentRole Role, Lang Lang, bool Female, string RuFirstName, string EnFirstName,
        string[] Lines);

    private sealed record CompanySeed(string Name, string Domain, Lang Lang, bool Vip);

    /// <summary>A help-desk story in one language: how the customer opens it, what the agent asks, what the customer
    /// answers, the solution (which builds on that answer), the thanks and an internal note. "{num}" becomes an order
    /// or invoice number; "{он|она}" picks the writer's gender, which Russian past tense needs.</summary>
    private sealed record Script(TicketType Type, TicketPriority Priority, string Line, string[] Tags, string[] Subjects,
        string Opening, string Reply, string FollowUp, string Solution, string Thanks, string Note);

    // ---- Directory data ----

    private static readonly (string Name, string Description)[] GroupSeeds =
    [
        ("L1", "Первая линия: приём обращений, типовые вопросы, доступы и оборудование. / First line: intake, common questions, access and hardware."),
        ("L2", "Вторая линия: серверы, сеть, 1С и интеграции, разбор ошибок. / Second line: servers, network, 1C and integrations, bug analysis."),
        ("L3", "Эксперты: разработка, продукт и поставщики. / Experts: development, product and vendors."),
    ];

    private static readonly AgentSeed[] AgentSeeds =
    [
        new("olga.smirnova@demo.okno", "Ольга Смирнова", AgentRole.Supervisor, Lang.Ru, true, "Ольга", "Olga", ["L1", "L2", "L3"]),
        new("dmitry.kuznetsov@demo.okno", "Дмитрий Кузнецов", AgentRole.Agent, Lang.Ru, false, "Дмитрий", "Dmitry", ["L1"]),
        new("anna.volkova@demo.okno", "Анна Волкова", AgentRole.Agent, Lang.Ru, true, "Анна", "Anna", ["L2"]),
        new("emily.carter@demo.okno", "Emily Carter", AgentRole.Agent, Lang.En, true, "Эмили", "Emily", ["L1"]),
        new("james.miller@demo.okno", "James Miller", AgentRole.Agent, Lang.En, false, "Джеймс", "James", ["L2"]),
        new("michael.brown@demo.okno", "Michael Brown", AgentRole.Agent, Lang.En, false, "Майкл", "Michael", ["L2", "L3"]),
    ];

    private static readonly CompanySeed[] CompanySeeds =
    [
        new("ООО «Ромашка»", "romashka.example", Lang.Ru, false),
        new("АО «Балтийские перевозки»", "baltperevozki.example", Lang.Ru, true),
        new("ООО «ТехноСтрой»", "tehnostroy.example", Lang.Ru, false),
        new("ООО «Пекарня Хлебница»", "hlebnitsa.example", Lang.Ru, false),
        new("ГК «Уральские окна»", "uralokna.example", Lang.Ru, false),
        new("ООО «МЦ Здоровье+»", "zdorovie-plus.example", Lang.Ru, false),
        new("Northwind Traders", "northwindtraders.example", Lang.En, true),
        new("Contoso Ltd", "contoso.example", Lang.En, false),
        new("Fabrikam Inc", "fabrikam.example", Lang.En, false),
        new("Blue Harbor Logistics", "blueharbor.example", Lang.En, false),
        new("Greenleaf Dental", "greenleafdental.example", Lang.En, false),
        new("Alpine Outfitters GmbH", "alpine-outfitters.example", Lang.En, false),
    ];

    private static readonly string[] RuMaleNames =
        ["Александр", "Дмитрий", "Сергей", "Андрей", "Алексей", "Максим", "Иван", "Михаил", "Николай", "Павел", "Артём", "Егор", "Виктор", "Роман", "Кирилл", "Денис", "Евгений", "Владимир"];
    private static readonly string[] RuFemaleNames =
        ["Анна", "Мария", "Елена", "Ольга", "Татьяна", "Наталья", "Екатерина", "Ирина", "Светлана", "Юлия", "Марина", "Ксения", "Дарья", "Алина", "Виктория", "Людмила"];
    private static readonly string[] RuSurnames =
    [
        "Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков",
        "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин",
        "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв", "Белов", "Тарасов", "Комаров",
        "Полянский", "Жуковский", "Савченко", "Ковальчук",
    ];
    private static readonly string[] EnMaleNames =
        ["James", "John", "Michael", "David", "Daniel", "Thomas", "Matthew", "Andrew", "Ryan", "Oliver", "Harry", "George", "Samuel", "Benjamin", "Arjun", "Carlos"];
    private static readonly string[] EnFemaleNames =
        ["Emma", "Olivia", "Sophie", "Charlotte", "Emily", "Jessica", "Sarah", "Laura", "Hannah", "Grace", "Chloe", "Megan", "Amelia", "Lucy", "Priya", "Mei"];
    private static readonly string[] EnSurnames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Taylor", "Wilson", "Davies", "Evans", "Roberts", "Walker", "Wright", "Robinson",
        "Thompson", "White", "Hughes", "Edwards", "Green", "Hall", "Wood", "Harris", "Clarke", "Jackson", "Turner", "Hill", "Moore",
        "Cooper", "Ward", "Parker", "Patel", "Chen", "Garcia", "Kowalski", "Novak",
    ];
    private static readonly string[] RuMailDomains = ["mail-ru.example", "yandex-ru.example", "gmail-com.example", "bk-ru.example", "inbox-ru.example"];
    private static readonly string[] EnMailDomains = ["gmail-com.example", "outlook-com.example", "yahoo-uk.example", "icloud-com.example", "hotmail-com.example"];
    private static readonly string[] RuCityCodes = ["495", "499", "812", "343", "383", "846"];
    private static readonly string[] UsAreaCodes = ["212", "312", "415", "617", "206"];

    // ---- Ticket mix ----

    private static readonly (TicketStatus, int)[] StatusWeights =
    [
        (TicketStatus.New, 10), (TicketStatus.Open, 17), (TicketStatus.Pending, 12), (TicketStatus.OnHold, 6),
        (TicketStatus.Resolved, 17), (TicketStatus.Closed, 38),
    ];

    private static readonly (DemoChannel, int)[] RuChannels =
        [(DemoChannel.Email, 40), (DemoChannel.Telegram, 18), (DemoChannel.Chat, 12), (DemoChannel.Web, 12), (DemoChannel.Phone, 10), (DemoChannel.Api, 8)];

    private static readonly (DemoChannel, int)[] EnChannels =
        [(DemoChannel.Email, 45), (DemoChannel.Chat, 20), (DemoChannel.Web, 15), (DemoChannel.Phone, 8), (DemoChannel.Api, 10), (DemoChannel.Telegram, 2)];

    private static readonly string[] RuHellos = ["Добрый день!", "Здравствуйте!", "Добрый день, коллеги!", "Здравствуйте, служба поддержки!"];
    private static readonly string[] RuByes = ["С уважением", "Спасибо", "Заранее спасибо"];
    private static readonly string[] EnHellos = ["Hello,", "Hi,", "Hi team,", "Good morning,"];
    private static readonly string[] EnByes = ["Thanks", "Best regards", "Kind regards", "Many thanks"];

    private static readonly string[] RuPings =
    [
        "Есть новости по моему вопросу?",
        "Подскажите, пожалуйста, как продвигается решение?",
        "Напоминаю о своём обращении — вопрос всё ещё актуален.",
        "Добрый день! Когда можно ждать ответа?",
    ];
    private static readonly string[] EnPings =
    [
        "Any update on this?",
        "Just checking in — is there any news?",
        "Following up on this, it's still an issue for us.",
        "Hi, could you let me know when to expect an answer?",
    ];
    private static readonly string[] RuAcks =
    [
        "Спасибо за обращение! Взяли в работу, вернёмся с ответом, как только разберёмся.",
        "Получили ваш запрос, уже разбираемся. Напишем, как только будут результаты.",
        "Спасибо, что сообщили. Проверяем, скоро вернёмся с ответом.",
    ];
    private static readonly string[] EnAcks =
    [
        "Thanks for reaching out! We're looking into this and will get back to you as soon as we know more.",
        "Got it — we're on it and will update you shortly.",
        "Thanks for letting us know. We're checking this now.",
    ];
    private static readonly string[] RuReopens =
    [
        "К сожалению, проблема вернулась: сегодня снова то же самое.",
        "Снова не работает, как и в прошлый раз. Посмотрите, пожалуйста, ещё раз.",
        "Пару дней всё было нормально, а сегодня опять та же ошибка.",
    ];
    private static readonly string[] EnReopens =
    [
        "Unfortunately the problem is back — same thing again this morning.",
        "It's happening again, exactly like before. Could you take another look?",
        "It worked for a couple of days, but today the same error is back.",
    ];
    private static readonly string[] RuHolds =
    [
        "Мы передали вопрос профильным специалистам, им нужно немного больше времени. Как только будет результат, сразу напишем.",
        "Ждём ответа от поставщика. Как только он ответит, вернёмся к вам — обращение остаётся у нас на контроле.",
        "Для решения нужны работы на сервере, они запланированы на ближайшее окно обслуживания. Сообщим, когда всё будет готово.",
    ];
    private static readonly string[] EnHolds =
    [
        "We've passed this to our specialists and they need a bit more time. We'll update you as soon as we have a result.",
        "We're waiting on a reply from the vendor. We'll get back to you as soon as we hear from them — the ticket stays on our radar.",
        "The fix needs server work that is scheduled for the next maintenance window. We'll let you know once it's done.",
    ];
    private static readonly string[] RuEscalateL2 =
    [
        "Передаю на вторую линию: нужна проверка на сервере, с первой линии не решить.",
        "L2, посмотрите, пожалуйста: базовые шаги клиент уже сделал, не помогло.",
    ];
    private static readonly string[] RuEscalateL3 =
    [
        "Передаю экспертам (L3): похоже на вопрос к продукту и разработке.",
        "L3: нужна оценка от разработки, у нас не воспроизводится.",
    ];
    private static readonly string[] EnEscalateL2 =
    [
        "Escalating to second line: needs a server-side check we can't do on L1.",
        "L2, please take a look — the customer has already tried the basic steps.",
    ];
    private static readonly string[] EnEscalateL3 =
    [
        "Passing to L3: this looks like a product or development question.",
        "L3: needs input from development, we can't reproduce it on our side.",
    ];
    private static readonly string[] RuVipNotes =
        ["Клиент VIP — держим на контроле, отвечаем в приоритете.", "Важный клиент, руководитель просил держать его в курсе."];
    private static readonly string[] EnVipNotes =
        ["VIP customer — keep a close eye on this one.", "Key account: their account manager asked to be kept in the loop."];

    private static readonly Script[] RuScripts =
    [
        new(TicketType.Incident, TicketPriority.Normal, "L1", ["принтер", "hardware"],
            ["Не печатает принтер в бухгалтерии", "Принтер ставит документы в очередь и не печатает", "Принтер выдаёт ошибку 49.4C02"],
            "С утра не печатает принтер в бухгалтерии (HP LaserJet на втором этаже). Документы уходят в очередь и висят там со статусом «Ошибка». Перезагружать пробовали — не помогло. У нас сегодня отгрузки, накладные печатать нечем.",
            "Посмотрели очередь печати на сервере — задания действительно зависли. Подскажите, пожалуйста, что сейчас показывает экран самого принтера? Если есть код ошибки, пришлите его или фото экрана.",
            "На экране написано «49.4C02 Error», лампочка мигает оранжевым. Фото приложить не получается, {переписал|переписала} вручную.",
            "Ошибка 49.xxxx у этой модели обычно вызвана повреждённым заданием в очереди. Мы очистили очередь на сервере печати и перезапустили службу. Выключите, пожалуйста, принтер кнопкой на 30 секунд, включите снова и отправьте пробную страницу.",
            "Всё заработало, накладные печатаются. Спасибо за оперативность!",
            "Очередь на print-srv01 забита заданием из 1С на 900 страниц — {удалил|удалила}. Если повторится, надо обновить драйвер до PCL6."),
        new(TicketType.Incident, TicketPriority.High, "L2", ["vpn", "сеть"],
            ["Не подключается VPN из дома", "VPN: ошибка 809 при подключении", "Не могу зайти в корпоративную сеть через VPN"],
            "Работаю сегодня из дома и не могу подключиться к VPN. Клиент пишет «Ошибка 809: не удалось установить сетевое подключение». Вчера из офиса всё работало. Интернет дома есть, сайты открываются.",
            "Ошибка 809 обычно означает, что домашний роутер или провайдер блокирует нужные порты. Попробуйте, пожалуйста, подключиться через мобильный интернет (раздать с телефона) и напишите, получится ли. И уточните версию клиента — она есть в меню «О программе».",
            "Через телефон подключилось сразу. Версия клиента 4.10.07.",
            "Значит, дело в домашнем роутере: он не пропускает IPsec. Мы включили для вашей учётной записи SSL VPN, который работает через обычный порт 443. В клиенте выберите профиль «Офис (SSL)» и подключитесь с тем же логином и паролем.",
            "Подключилось через новый профиль, всё работает. Спасибо!",
            "На шлюзе видно, что IKE-пакеты от клиента не доходят. У пользователя старый роутер с выключенным IPsec passthrough. {Выдал|Выдала} доступ к SSL-профилю."),
        new(TicketType.Question, TicketPriority.Normal, "L1", ["оплата", "документы"],
            ["Вопрос по счёту №{num}", "Не сходится сумма в счёте", "Счёт выставлен не на то количество пользователей"],
            "Получили счёт №{num}, но сумма в нём больше, чем по договору: выставлено за 25 пользователей, а у нас по договору 20. Поясните, пожалуйста, откуда разница. Оплачивать пока не будем.",
            "Спасибо, что написали. Проверяем начисления по вашему договору. Подскажите, пожалуйста, ИНН организации, на которую выставлен счёт, — у вас в личном кабинете два юрлица.",
            "ИНН 7701234567, это основное юрлицо. Второе у нас уже не работает.",
            "Разобрались: в прошлом месяце у вас временно были подключены 5 дополнительных пользователей, и они не отключились автоматически. Мы их отключили и перевыставили счёт — новый счёт на 20 пользователей уже в личном кабинете, старый аннулирован.",
            "Получили новый счёт, всё верно. Оплатим сегодня.",
            "Доп. пользователи остались после пробного периода — биллинг должен отключать пробные лицензии сам. {Завёл|Завела} задачу."),
        new(TicketType.Request, TicketPriority.Normal, "L1", ["доступ"],
            ["Заблокировалась учётная запись", "Сбросить пароль от почты", "Не могу войти после отпуска"],
            "{Вернулся|Вернулась} из отпуска, пароль от компьютера и почты истёк, а новый задать не получается — пишет, что учётная запись заблокирована. Помогите, пожалуйста, войти.",
            "Учётная запись заблокирована после нескольких неудачных попыток входа. Чтобы сбросить пароль, нам нужно убедиться, что это вы: позвоните, пожалуйста, на внутренний 1234 с рабочего телефона.",
            "{Позвонил|Позвонила}, {продиктовал|продиктовала} код. Что дальше?",
            "Мы разблокировали учётную запись и выдали временный пароль — он отправлен SMS на ваш рабочий телефон. При первом входе система попросит придумать новый: не короче 12 символов, с буквами и цифрами.",
            "{Вошёл|Вошла}, {поменял|поменяла} пароль. Спасибо большое!",
            "Личность подтверждена звонком. Блокировка — 5 неверных попыток с телефона: там в почтовом приложении сохранён старый пароль."),
        new(TicketType.Problem, TicketPriority.High, "L2", ["1c"],
            ["Ошибка в 1С при проведении документов", "1С: «Конфликт блокировок при выполнении транзакции»", "Не проводятся реализации в 1С после обновления"],
            "При проведении реализаций в 1С:Бухгалтерии выскакивает ошибка «Конфликт блокировок при выполнении транзакции». Документ не проводится. Ошибка у всех трёх бухгалтеров, началось после вчерашнего обновления. Закрываем месяц, очень нужно срочно.",
            "Приняли, ставим в приоритет. Уточните, пожалуйста: ошибка возникает при проведении любого документа или только реализаций? И пришлите полный текст ошибки (кнопка «Подробно»).",
            "Только реализации, поступления проводятся нормально. Полный текст: «Ошибка блокировки объекта. Объект заблокирован: Регистр накопления Товары на складах».",
            "Причина нашлась: после обновления на сервере осталось висеть фоновое задание пересчёта итогов, которое держало блокировку регистра. Мы его завершили и перенесли пересчёт на ночь. Попробуйте, пожалуйста, провести документы снова.",
            "Всё проводится. Спасибо, вы нас спасли!",
            "В консоли кластера висел сеанс фонового задания с 02:00, блокировка на РН ТоварыНаСкладах. {Завершил|Завершила} сеанс. Надо поправить расписание регламентных заданий."),
        new(TicketType.Incident, TicketPriority.Urgent, "L2", ["сайт"],
            ["Сайт не открывается!", "Интернет-магазин выдаёт ошибку 502", "Упал сайт, клиенты не могут оформить заказ"],
            "Сайт магазина не открывается уже минут 20 — вместо страниц ошибка 502 Bad Gateway. Клиенты звонят, заказы не проходят. Сделайте что-нибудь, пожалуйста, это очень срочно!",
            "Видим проблему, уже работаем: сервер приложений не выдержал пикового наплыва посетителей. Сообщим, как только сайт поднимется, — ориентировочно в течение 15–20 минут.",
            "Главная открылась, но корзина всё ещё выдаёт ошибку.",
            "Сайт и корзина работают: мы перезапустили сервер приложений и увеличили лимиты, чтобы такой наплыв не повторил сбой. Заказы, которые клиенты пытались оформить во время сбоя, не потеряны — они в статусе «Черновик» в админке.",
            "Всё работает, заказы пошли. Спасибо за скорость.",
            "OOM на app-02 в 11:42, PHP-FPM упёрся в pm.max_children. {Поднял|Подняла} лимит, {добавил|добавила} алерт на память. Нужен разбор с разработчиками."),
        new(TicketType.Question, TicketPriority.Normal, "L1", ["доставка"],
            ["Где мой заказ №{num}?", "Задерживается доставка", "Заказ не пришёл в обещанный срок"],
            "Заказ №{num} должны были доставить ещё в пятницу, но курьер так и не приехал, а трекинг третий день показывает «В пути». Подскажите, когда ждать?",
            "Приносим извинения за задержку. Мы запросили у службы доставки информацию по вашему отправлению и вернёмся с ответом в течение дня.",
            "Есть новости? Мне нужно понять, когда быть дома.",
            "Служба доставки подтвердила: посылка задержалась на сортировочном центре, потому что в адресе не был указан номер квартиры. Адрес исправлен, доставка назначена на завтра с 10:00 до 14:00, курьер позвонит за час. В качестве извинения мы начислили вам 300 бонусных баллов.",
            "Курьер приехал, всё {получил|получила}. Спасибо!",
            "Перевозчик: отправление на СЦ, в адресе нет квартиры. {Исправил|Исправила} адрес в заказе, {начислил|начислила} 300 баллов как компенсацию."),
        new(TicketType.Request, TicketPriority.Normal, "L1", ["возврат", "оплата"],
            ["Возврат денег за отменённый заказ", "Прошу вернуть деньги за заказ №{num}", "Не пришёл возврат на карту"],
            "{Отменил|Отменила} заказ №{num} в день оформления, но деньги за него (4 590 ₽) так и не вернулись на карту, прошло уже 10 дней. Когда будет возврат?",
            "Проверили: возврат по заказу №{num} оформлен в день отмены, но банку нужно до 10 рабочих дней, чтобы зачислить средства. Подскажите, пожалуйста, последние 4 цифры карты, чтобы мы сверили данные платежа.",
            "Карта заканчивается на 4417.",
            "Сверили — возврат на карту *4417 проведён, номер операции (RRN) 3102-5567-8812. Если деньги не появятся в течение 3 рабочих дней, назовите этот номер в своём банке: по нему найдут платёж.",
            "Деньги пришли. Спасибо!",
            "В эквайринге возврат прошёл успешно, RRN {отправил|отправила} клиенту. Задержка на стороне банка-эмитента."),
        new(TicketType.FeatureRequest, TicketPriority.Low, "L3", ["feature", "отчёты"],
            ["Предложение: выгрузка отчётов в Excel", "Пожелание по личному кабинету", "Можно добавить экспорт заказов?"],
            "Предложение по личному кабинету: было бы очень удобно выгружать отчёт по заказам в Excel. Сейчас приходится копировать таблицу вручную, а у нас каждый месяц больше 500 строк.",
            "Спасибо за идею! Передали её команде продукта. Подскажите, какие поля вам нужны в выгрузке — все столбцы таблицы или только часть?",
            "Номер заказа, дата, сумма, статус и менеджер. Этого хватит.",
            "Хорошие новости: выгрузка в Excel появится в следующем релизе — кнопка «Скачать XLSX» над таблицей заказов, с теми полями, что вы перечислили. Сообщим, когда релиз выйдет.",
            "Отлично, ждём!",
            "Уже третий запрос на экспорт за месяц. {Добавил|Добавила} голос в задачу PROD-412."),
        new(TicketType.Bug, TicketPriority.Normal, "L2", ["bug"],
            ["Не сохраняются изменения в карточке клиента", "Ошибка при сохранении профиля", "Кнопка «Сохранить» не сохраняет телефон"],
            "В личном кабинете не сохраняются изменения в карточке клиента: меняю телефон, нажимаю «Сохранить», появляется «Сохранено», но после обновления страницы старый номер на месте. Браузер Chrome, в другом браузере то же самое.",
            "Спасибо за подробное описание. Пока не получилось повторить у себя. Подскажите, пожалуйста, в каком формате вы вводите номер — со скобками и пробелами или только цифры?",
            "Ввожу как обычно: +7 (912) 345-67-89.",
            "Спасибо, это помогло найти ошибку: номера со скобками не проходили проверку на сервере, а интерфейс об этом не сообщал. Исправление уже выложено — обновите, пожалуйста, страницу и попробуйте ещё раз.",
            "Сохранилось. Спасибо!",
            "{Воспроизвёл|Воспроизвела}: бэкенд отбрасывает номер с «(», фронт показывает успех. {Завёл|Завела} BUG-1187, разработчики уже исправили."),
        new(TicketType.Incident, TicketPriority.Normal, "L1", ["почта"],
            ["Не приходит почта на телефон", "Почта на iPhone просит пароль", "Перестала синхронизироваться почта"],
            "На рабочем телефоне перестала приходить почта — последнее письмо позавчера. На компьютере всё приходит. Телефон iPhone, почта настроена через стандартное приложение.",
            "Похоже, приложение хранит старый пароль: на прошлой неделе у вас был плановый сброс пароля. Откройте, пожалуйста, Настройки → Почта → Учётные записи и проверьте, нет ли там сообщения об ошибке входа.",
            "Да, там написано «Неверный пароль». Ввожу новый — не принимает.",
            "Мы перевели ваш ящик на современную авторизацию, и старый способ входа больше не работает. Удалите, пожалуйста, учётную запись из телефона и добавьте заново, выбрав тип «Exchange»: откроется страница входа, там введите новый пароль.",
            "{Переподключил|Переподключила}, письма пошли. Спасибо!",
            "Для ящика отключена basic auth после миграции. Инструкцию по переподключению стоит выложить в базу знаний."),
        new(TicketType.Request, TicketPriority.Normal, "L1", ["доступ", "onboarding"],
            ["Новый сотрудник с понедельника", "Завести учётную запись для нового менеджера", "Подготовить рабочее место для новичка"],
            "С понедельника к нам выходит новый менеджер по продажам — Кирилл Андреев. Нужно: учётная запись, почта, доступ к CRM и к общей папке отдела продаж, ноутбук. Руководитель — я.",
            "Принято, ноутбук подготовим к понедельнику. Подскажите, пожалуйста, нужен ли Кириллу доступ к 1С и удалённый доступ (VPN)?",
            "1С — только просмотр, VPN не нужен.",
            "Всё готово: учётная запись k.andreev создана, почта работает, доступ к CRM и к папке «Продажи» выдан, в 1С — роль «Только просмотр». Ноутбук с программами можно забрать в кабинете 214, временный пароль — в конверте у секретаря.",
            "Спасибо, всё получили.",
            "Ноутбук из резерва, инв. №{num}. Не забыть добавить в рассылку sales@."),
        new(TicketType.Problem, TicketPriority.Low, "L1", ["hardware"],
            ["Очень медленно работает компьютер", "Компьютер долго загружается", "Тормозит ноутбук"],
            "Компьютер стал ужасно тормозить: включается минут десять, Excel открывается по минуте. Работать невозможно.",
            "Посмотрели удалённо: диск почти заполнен (свободно 2 ГБ), и он старый, механический. Можно подключиться к компьютеру сегодня после 17:00, чтобы почистить временные файлы и проверить диск?",
            "Да, после 17:00 можно, оставлю компьютер включённым.",
            "Почистили временные файлы (освободилось 40 ГБ) и убрали лишние программы из автозагрузки. Диск по тестам исправен, но медленный — заказали замену на SSD, установим на следующей неделе, время согласуем заранее.",
            "Уже заметно быстрее. Спасибо, ждём SSD.",
            "SMART в норме, но HDD 5400 об/мин. {Заказал|Заказала} SSD 500 ГБ, заявка в закупку №{num}."),
        new(TicketType.UnclearFeature, TicketPriority.Normal, "L2", ["отчёты"],
            ["Почему в отчёте суммы без НДС?", "Отчёт не сходится со счетами — это так задумано?", "Странные суммы в отчёте «Продажи за период»"],
            "В отчёте «Продажи за период» суммы показываются без НДС, а в счетах — с НДС. Из-за этого цифры не сходятся с бухгалтерией. Это ошибка или так задумано?",
            "Хороший вопрос. Уточняем у аналитиков, как должен считаться этот отчёт, и вернёмся с ответом.",
            "Нам бы хотя бы понимать, какой цифре верить при сверке.",
            "Так задумано: отчёт «Продажи за период» строится по выручке без НДС, как в управленческом учёте. Для сверки с бухгалтерией используйте «Реестр счетов» — там суммы с НДС. Мы также добавим подпись «без НДС» в заголовок отчёта, чтобы не было путаницы.",
            "Понятно, спасибо за разъяснение.",
            "По ТЗ отчёт без НДС, но в интерфейсе это нигде не сказано. {Предложил|Предложила} продукту добавить подпись — PROD-433."),
        new(TicketType.Incident, TicketPriority.High, "L1", ["сеть"],
            ["Не работает интернет в офисе", "Нет сети на третьем этаже", "Пропал интернет у всего отдела"],
            "На третьем этаже пропал интернет у всех — и по проводу, и по Wi-Fi. На втором этаже работает. Через 20 минут у нас видеоконференция с клиентом.",
            "Видим, что коммутатор на третьем этаже не отвечает. Инженер будет на месте в течение 15 минут. На время конференции можно занять переговорную на втором этаже — там сеть работает.",
            "Перешли во вторую переговорную, спасибо. Ждём починки на третьем.",
            "Сеть на третьем этаже восстановлена: у коммутатора вышел из строя блок питания, заменили его на резервный. Проверьте, пожалуйста, что интернет появился у всех.",
            "У всех всё работает. Спасибо!",
            "Коммутатор SW-3F, сгорел БП. {Поставил|Поставила} из ЗИП, нужно заказать новый в резерв."),
    ];

    private static readonly Script[] EnScripts =
    [
        new(TicketType.Incident, TicketPriority.Normal, "L1", ["printer", "hardware"],
            ["Printer on the 4th floor is not printing", "Print jobs stuck in the queue", "Printer says \"Waiting for toner\" after replacing it"],
            "The big Canon printer on the 4th floor stopped printing this morning. Jobs show up in the queue as \"Printing\" and then just sit there. We've already turned it off and on again. Several people need to print contracts before noon.",
            "Thanks for reporting this. I can see the jobs stuck on the print server. Could you tell me what the printer's own display shows right now? An error code or a photo of the screen would help a lot.",
            "The display says \"Waiting for toner\", but we replaced the toner cartridge yesterday.",
            "That explains it: new cartridges come with an orange protective strip on the side, and while it's on the printer can't detect the cartridge. Please open the front cover, take the cartridge out, pull off the strip and put it back. I've cleared the stuck jobs, so please resend anything you still need.",
            "That was it — the strip was still on. Printing again, thanks a lot!",
            "Queue for PRN-4F-01 had 23 stuck jobs; cleared. Device web page shows toner sensor error E-025."),
        new(TicketType.Incident, TicketPriority.High, "L2", ["vpn", "network"],
            ["VPN keeps disconnecting every few minutes", "VPN drops when working from home", "Unstable VPN connection"],
            "Since yesterday my VPN drops every 5–10 minutes. Each time I have to reconnect and re-enter my code, and any file I was copying fails. I'm working from home on the company laptop.",
            "Sorry about that. To narrow it down: are you on Wi-Fi or a cable at home, and does it also drop if you connect through your phone's hotspot for a while?",
            "Wi-Fi. On the hotspot it stayed connected for an hour without a single drop.",
            "Thanks, that points to your home router dropping idle connections. I've switched your profile to send keep-alive packets every 20 seconds and enabled the TCP fallback. Please restart the VPN client so it picks up the new profile, and connect again.",
            "Been connected all afternoon without a single drop. Thanks!",
            "Gateway logs show DPD timeouts from the user's IP every ~6 min — typical for ISP routers with short UDP NAT timeouts. Applied the keepalive-20s profile."),
        new(TicketType.Question, TicketPriority.Normal, "L1", ["billing"],
            ["Question about invoice INV-{num}", "We were charged for the wrong plan", "Invoice doesn't match our subscription"],
            "Our latest invoice INV-{num} is for the Business plan, but we downgraded to Standard at the start of the month. Could you check and send a corrected invoice? Our finance team won't pay it as it stands.",
            "Thanks for flagging this. I'm checking the plan history on your account now. Could you confirm the email address of the account owner, so I'm sure I'm looking at the right subscription?",
            "It's the one I'm writing from — I'm the account owner.",
            "You're right: the downgrade was scheduled but only took effect on the 5th, so the invoice was generated on the old plan. I've voided INV-{num} and issued a corrected invoice for the Standard plan with a pro-rated credit for the first four days. It's in your billing portal now.",
            "Got it, the new invoice looks right. Thanks for sorting it out so quickly.",
            "Downgrade was queued for the renewal date instead of applying immediately — known billing bug BILL-77. Issued the credit note manually."),
        new(TicketType.Request, TicketPriority.Normal, "L1", ["access"],
            ["Locked out after getting a new phone", "Need to reset my two-factor authentication", "Can't sign in — authenticator codes lost"],
            "I got a new phone over the weekend and now I can't sign in, because the authenticator codes were on my old phone. The old phone is already wiped. Can you reset my two-factor authentication?",
            "Sure, we can help. For security we need to verify your identity first: please call the service desk on extension 2200 from your desk phone, or reply with the last four digits of your employee ID and your manager's name.",
            "Employee ID ends in 4821, my manager is Laura Hughes.",
            "Thanks, verified. I've reset your two-factor enrolment. Next time you sign in you'll be asked to scan a new QR code — set it up in the authenticator app on your new phone and keep the recovery codes somewhere safe.",
            "All set up on the new phone and I'm back in. Thank you!",
            "Identity verified against the HR record (employee ID + manager). MFA methods cleared in the admin portal."),
        new(TicketType.Problem, TicketPriority.High, "L2", ["integration"],
            ["Nightly export to our ERP failed", "Orders not syncing to the accounting system", "Integration error: 401 Unauthorized"],
            "The nightly export of orders to our ERP has failed two nights in a row. The integration log only says \"Request failed with status code 401\". Our warehouse relies on this data every morning, so we're doing things by hand for now.",
            "Thanks, we're looking into it. A 401 means the ERP rejected the credentials. Did anyone on your side change the integration user's password or API key in the ERP recently?",
            "Our IT rotated all service account passwords on Monday. Nobody told us it would affect this.",
            "That's the cause. I've sent your admin a secure link to enter the new API key for the integration user. Once it was saved, I re-ran the last two nights' exports manually, and all 412 orders have now arrived in the ERP.",
            "Confirmed, the warehouse can see yesterday's orders. Thanks!",
            "401 from the customer's ERP since Mon 02:00, credentials rotated on their side. Re-ran both nights' exports after the key update."),
        new(TicketType.Incident, TicketPriority.Urgent, "L2", ["website"],
            ["Our website is down — 503 errors", "Online shop not loading!", "Site extremely slow, checkout timing out"],
            "Our website is returning \"503 Service Unavailable\" on every page. This started about 15 minutes ago, right after our newsletter went out. We're losing sales every minute — please help ASAP!",
            "We're on it. The traffic spike from your newsletter exhausted the web server's workers. We're adding capacity right now and will update you within 15 minutes.",
            "Home page is back, but checkout still times out.",
            "Everything is back to normal, including checkout. We doubled the number of application workers and enabled page caching for the catalogue, so the next newsletter shouldn't cause this. Orders placed during the outage were not lost — incomplete ones are listed as abandoned carts in your admin.",
            "Checkout works and orders are coming in. Thank you for the quick response.",
            "web-01/02 hit the worker limit at 10:05, load 40x normal. Scaled to 4 nodes, enabled full-page cache. Post-mortem needed: autoscaling didn't kick in."),
        new(TicketType.Question, TicketPriority.Normal, "L1", ["delivery"],
            ["Order #{num} hasn't arrived", "Where is my parcel?", "Tracking hasn't updated for a week"],
            "I ordered a desk lamp (order #{num}) eight days ago with 3–5 day delivery and it still hasn't arrived. The tracking page hasn't changed since it left your warehouse. Can you find out what's going on?",
            "I'm sorry about the wait. I've opened an enquiry with the courier about your parcel and will get back to you as soon as they reply — usually within one business day.",
            "Any news from the courier? It's been two days.",
            "The courier confirmed the parcel was damaged in transit and never left their depot. I've shipped a replacement by express delivery today — you'll get a new tracking link by email within the hour, and it should arrive tomorrow. We've also refunded the shipping cost.",
            "The replacement arrived this morning. Thanks for handling it!",
            "Courier claim CL-{num}: parcel damaged at the depot. Replacement sent express, shipping refunded."),
        new(TicketType.Request, TicketPriority.Normal, "L1", ["refund", "billing"],
            ["Refund for a returned item", "Still waiting for my refund", "Returned order #{num}, no refund yet"],
            "I returned the jacket from order #{num} two weeks ago (I have the post office receipt), but I still haven't received my refund. Could you check?",
            "Thanks for getting in touch. I can see a return was delivered to our warehouse. Could you send the tracking number from your post office receipt so I can match it to your parcel?",
            "Sure, the tracking number is RB{num}GB.",
            "Thank you — matched. The return had arrived but wasn't processed because the return form was missing from the parcel. I've processed it now: a refund of £89.00 has been issued to your original payment method. Depending on your bank it can take 3–5 business days to appear.",
            "Refund showed up today. Thanks for your help!",
            "Parcel arrived without a return form and sat on the unidentified-returns shelf. Matched by tracking, refund issued."),
        new(TicketType.FeatureRequest, TicketPriority.Low, "L3", ["feature"],
            ["Feature request: bulk edit for contacts", "Suggestion: edit several contacts at once", "Would love a bulk update option"],
            "It would save us a lot of time if we could edit several contacts at once — for example, change the account manager for 50 contacts in one go. Right now we have to open each contact one by one.",
            "Thanks for the suggestion — that's a great idea, and I've passed it on to our product team. To help them, could you tell us which fields you'd most like to change in bulk?",
            "Account manager, tags and status. Those are the ones we change most often.",
            "Good news: bulk editing is on the roadmap for next quarter, and the first version will cover exactly those fields — account manager, tags and status. We'll let you know as soon as it's released.",
            "Great, looking forward to it!",
            "Added this customer's vote to PROD-219 (bulk edit). 7th request this quarter."),
        new(TicketType.Bug, TicketPriority.High, "L2", ["bug"],
            ["Checkout button does nothing in Safari", "\"Place order\" not working on Mac", "Can't complete an order in Safari"],
            "When I click \"Place order\" in Safari on my Mac, nothing happens — no error, no spinner. It works fine in Chrome. Several of our customers have told us the same thing.",
            "Thanks for the detailed report. Which version of Safari are you using? You can find it under Safari → About Safari.",
            "Version 17.4.",
            "Thanks, that helped us reproduce it: a script on the checkout page failed in this Safari version and the click was silently ignored. Our developers shipped a fix an hour ago. Please reload the page (Cmd+Shift+R) and try again.",
            "Works in Safari now. Thanks!",
            "Reproduced on Safari 17.4: the click handler throws while copying the cart object. Fix deployed in 3.18.2 (BUG-902)."),
        new(TicketType.Incident, TicketPriority.Normal, "L1", ["email"],
            ["Emails stuck in the Outbox", "Can't send emails from Outlook", "Outgoing mail not leaving my laptop"],
            "Emails I send from Outlook on my laptop have been stuck in the Outbox since this morning. Receiving works fine. I have a few urgent quotes to send out.",
            "Sorry to hear that. Is there an attachment on the stuck messages, and roughly how big is it?",
            "Yes, one of them has a 38 MB PDF. The others are small but they're stuck behind it.",
            "That's it: our mail limit is 25 MB per message, and the large one blocks the rest of the queue. Please delete that message from the Outbox (the others will then go out) and send the PDF as a share link from your documents folder instead. I've emailed you a short how-to.",
            "The other emails went out as soon as I removed the big one. Thanks!",
            "Transport log: rejected with 552 size exceeded, Outlook kept retrying. Maybe raise the limit to 35 MB for sales."),
        new(TicketType.Request, TicketPriority.Normal, "L1", ["onboarding", "access"],
            ["New starter on Monday", "Account setup for a new team member", "Laptop and access for a new hire"],
            "We have a new marketing assistant, Sophie Turner, starting on Monday. She'll need a laptop, an email account, access to the shared Marketing drive and to our design tool. I'm her manager.",
            "Thanks for the heads-up, we'll have everything ready for Monday. Does Sophie need remote access (VPN), and should she be added to any mailing lists besides the Marketing team?",
            "No VPN for now. Please add her to marketing@ and all-staff@.",
            "All set: Sophie's account (s.turner) and mailbox are created, she's in marketing@ and all-staff@, and she has access to the Marketing drive and the design tool. Her laptop is ready for collection from the IT room on the 2nd floor; she'll get her temporary password in person on Monday.",
            "Perfect, thank you!",
            "Laptop asset tag LT-{num} assigned. Design tool licence taken from the pool (3 left)."),
        new(TicketType.Problem, TicketPriority.Low, "L1", ["hardware"],
            ["Laptop battery drains in an hour", "Battery life is terrible", "Laptop dies without the charger"],
            "My laptop battery goes from 100% to empty in about an hour, even when I'm only using email. It used to last most of the day. The laptop is about three years old.",
            "Thanks. I ran a remote battery report and the battery is at 41% of its original capacity, which explains it. Could you bring the laptop to the IT room, or would you prefer we swap the battery at your desk?",
            "At my desk would be great — any time after 2pm works.",
            "We replaced the battery this afternoon and updated the BIOS while we were at it. The new battery reports full capacity; after one full charge cycle it should last the whole working day again.",
            "Lasted the whole day today. Thanks!",
            "Battery wear 59%, part was in stock. Laptop is 3 years old, due for refresh next year."),
        new(TicketType.UnclearFeature, TicketPriority.Normal, "L2", ["reports"],
            ["CSV export drops the time zone — bug or by design?", "Export times are two hours off", "Timestamps in the export don't match the app"],
            "When we export orders to CSV, the timestamps have no time zone, and they're two hours off compared to what we see in the app. Is this a bug or intended? Our reports are coming out wrong.",
            "Good question — I'm checking with our developers how the export is meant to handle time zones and will get back to you.",
            "Thanks. For now we just need to know how to read the timestamps correctly.",
            "It's by design, though we agree it's confusing: the CSV export always uses UTC, while the app shows times in your account's time zone (UTC+2). You can add two hours in your spreadsheet, or use the new \"Export in my time zone\" option under Export settings, which we enabled for your account today.",
            "That makes sense. The new option works well, thanks.",
            "Export is UTC by spec but the column header doesn't say so. Asked product to add \"(UTC)\" to the header — PROD-240."),
        new(TicketType.Bug, TicketPriority.High, "L2", ["mobile", "bug"],
            ["App crashes on startup after update", "Mobile app won't open on Android", "App closes right after the logo"],
            "Since updating the app this morning, it crashes as soon as I open it — I see the logo for a second and then it closes. Android 14, Samsung Galaxy S22.",
            "Sorry about that! Could you clear the app's cache (Settings → Apps → our app → Storage → Clear cache) and tell us if it still crashes? Please don't clear the data yet, so your offline drafts are kept.",
            "Cleared the cache, still crashes the same way.",
            "Thanks for trying. We found the problem: the update crashed on devices with offline drafts from an older version. A fixed version (5.2.1) is now in Google Play — please update, and the app will open normally with your drafts intact.",
            "Updated and it opens fine, drafts are all there. Thanks!",
            "Crash reports show a null reference in the draft migration on 5.2.0, Android only. Hotfix 5.2.1 released by the mobile team."),
    ];

    private static readonly string[] AllTagNames = RuScripts.Concat(EnScripts).SelectMany(s => s.Tags)
        .Concat(["vip", "срочно", "urgent"]).Select(Tag.Normalize).Distinct().ToArray();

    /// <summary>The channels the demo's stories are told in; each becomes the ticket's <see cref="ChannelKind"/> of the
    /// same name. An enum of the demo's own, because how a customer writes in each is part of the story.</summary>
    private enum DemoChannel { Api, Web, Email, Chat, Telegram, Phone, Messenger }
}
