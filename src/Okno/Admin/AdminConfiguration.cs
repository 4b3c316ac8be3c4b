using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okno.Platform.Security;

namespace Okno.Admin;

internal sealed class AgentConfiguration : IEntityTypeConfiguration<Agent>
{
    public void Configure(EntityTypeBuilder<Agent> b)
    {
        b.ToTable("Agents");
        b.Ignore(a => a.SeesAllTickets);
        b.Property(a => a.Email).HasMaxLength(254);
        b.Property(a => a.Name).HasMaxLength(Agent.NameMaxLength);
        b.Property(a => a.Language).HasMaxLength(8);
        b.Property(a => a.AvatarSha256).HasMaxLength(64);
        b.Property(a => a.AvatarContentType).HasMaxLength(32);
        b.Property(a => a.SignatureRu).HasMaxLength(Agent.SignatureMaxLength);
        b.Property(a => a.SignatureEn).HasMaxLength(Agent.SignatureMaxLength);
        b.HasIndex(a => a.Email).IsUnique();
        b.HasMany(a => a.Groups).WithOne().HasForeignKey(g => g.AgentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> b)
    {
        b.ToTable("Groups");
        b.Property(g => g.Name).HasMaxLength(Group.NameMaxLength);
        b.Property(g => g.Description).HasMaxLength(1000);
        b.HasIndex(g => g.Name).IsUnique();
    }
}

internal sealed class AgentGroupConfiguration : IEntityTypeConfiguration<AgentGroup>
{
    public void Configure(EntityTypeBuilder<AgentGroup> b)
    {
        b.ToTable("AgentGroups");
        b.HasKey(ag => new { ag.AgentId, ag.GroupId });
        b.HasIndex(ag => ag.GroupId);
        b.HasOne(ag => ag.Group).WithMany().HasForeignKey(ag => ag.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.Property(a => a.Action).HasMaxLength(64);
        b.Property(a => a.Target).HasMaxLength(200);
        b.Property(a => a.IpAddress).HasMaxLength(64);
        b.HasIndex(a => new { a.At, a.Id });
        b.HasIndex(a => new { a.AgentId, a.At, a.Id });
        // The audit page's object filter ("agent:5"): one object's entries, newest first.
        b.HasIndex(a => new { a.Target, a.At, a.Id });
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.Property(t => t.Name).HasMaxLength(ApiToken.NameMaxLength);
        b.Property(t => t.Hash).HasMaxLength(64);
        b.Property(t => t.Prefix).HasMaxLength(16);
        b.HasIndex(t => t.Hash).IsUnique();
        b.HasIndex(t => t.AgentId);
        b.HasOne<Agent>().WithMany().HasForeignKey(t => t.AgentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgentSessionConfiguration : IEntityTypeConfiguration<AgentSession>
{
    public void Configure(EntityTypeBuilder<AgentSession> b)
    {
        b.ToTable("AgentSessions");
        b.Property(s => s.Id).HasMaxLength(64);
        b.Property(s => s.UserAgent).HasMaxLength(AgentSession.UserAgentMaxLength);
        b.Property(s => s.IpAddress).HasMaxLength(AgentSession.AddressMaxLength);
        b.HasIndex(s => new { s.AgentId, s.IpAddress });
        b.HasOne<Agent>().WithMany().HasForeignKey(s => s.AgentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SignInThrottleConfiguration : IEntityTypeConfiguration<SignInThrottle>
{
    public void Configure(EntityTypeBuilder<SignInThrottle> b)
    {
        b.ToTable("SignInThrottles");
        b.HasKey(t => t.Key);
        b.Property(t => t.Key).HasMaxLength(64);
        b.HasIndex(t => t.LastFailureAt);
    }
}
