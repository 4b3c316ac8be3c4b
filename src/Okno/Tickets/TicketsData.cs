using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;

namespace Okno.Tickets;

/// <summary>The Tickets section's tables on the one database. Declared here, not on <see cref="OknoDb"/>, so Platform
/// knows no section (the architecture test checks it) while queries still read <c>db.Tickets</c>.</summary>
public static class TicketsData
{
    extension(OknoDb db)
    {
        public DbSet<Ticket> Tickets => db.Set<Ticket>();
        public DbSet<Message> Messages => db.Set<Message>();
        public DbSet<Attachment> Attachments => db.Set<Attachment>();
        public DbSet<TicketEvent> TicketEvents => db.Set<TicketEvent>();
        public DbSet<TicketLink> TicketLinks => db.Set<TicketLink>();
        public DbSet<TicketCount> TicketCounts => db.Set<TicketCount>();
        public DbSet<Tag> Tags => db.Set<Tag>();
        public DbSet<TicketTag> TicketTags => db.Set<TicketTag>();
        public DbSet<TicketParticipant> TicketParticipants => db.Set<TicketParticipant>();
        public DbSet<TicketMention> TicketMentions => db.Set<TicketMention>();
        public DbSet<TicketFollower> TicketFollowers => db.Set<TicketFollower>();
    }
}
