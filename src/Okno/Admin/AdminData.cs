using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;

namespace Okno.Admin;

/// <summary>The Admin section's tables on the one database (see <see cref="Tickets.TicketsData"/> for why here).</summary>
public static class AdminData
{
    extension(OknoDb db)
    {
        public DbSet<Agent> Agents => db.Set<Agent>();
        public DbSet<Group> Groups => db.Set<Group>();
        public DbSet<AgentGroup> AgentGroups => db.Set<AgentGroup>();
        public DbSet<AuditEntry> AuditEntries => db.Set<AuditEntry>();
        public DbSet<SignInThrottle> SignInThrottles => db.Set<SignInThrottle>();
    }
}
