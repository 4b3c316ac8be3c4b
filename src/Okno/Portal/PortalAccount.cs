using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okno.Customers;
using Okno.Platform.Data;

namespace Okno.Portal;

/// <summary>A contact's access to the customer portal: granted by an agent (an invitation), revoked by one. The
/// password is optional (a contact may only ever use sign-in links); it is set through an emailed set-password link and
/// hashed as agents' passwords are (ASP.NET Core Identity's PBKDF2 hasher).</summary>
public sealed class PortalAccount
{
    public long ContactId { get; set; }
    public string? PasswordHash { get; set; }
    /// <summary>Null while access is granted; set when an agent revoked it (every session and link then stops working).</summary>
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset InvitedAt { get; set; }
    public long? InvitedById { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }
}

public enum PortalTokenPurpose { SignIn, SetPassword }

/// <summary>A one-time link sent by email: a sign-in link (15 minutes) or a set-password link of an invitation. Only its
/// SHA-256 is stored; using it stamps <see cref="UsedAt"/> by a conditional update, so of two uses one wins.</summary>
public sealed class PortalToken
{
    public const int HashLength = 64;
    public long Id { get; set; }
    public long ContactId { get; set; }
    public PortalTokenPurpose Purpose { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}

/// <summary>One signed-in browser of a portal user; the portal cookie carries its id and every request checks the row
/// (as <see cref="Platform.Security.AgentSession"/> for agents), so signing out or revoking access ends it at once.</summary>
public sealed class PortalSession
{
    public const int UserAgentMaxLength = 256;
    public const int AddressMaxLength = 64;
    public string Id { get; set; } = "";
    public long ContactId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public string? UserAgent { get; set; }
    public string? IpAddress { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

public static class PortalData
{
    extension(OknoDb db)
    {
        public DbSet<PortalAccount> PortalAccounts => db.Set<PortalAccount>();
        public DbSet<PortalToken> PortalTokens => db.Set<PortalToken>();
        public DbSet<PortalSession> PortalSessions => db.Set<PortalSession>();
    }
}

internal sealed class PortalAccountConfiguration : IEntityTypeConfiguration<PortalAccount>
{
    public void Configure(EntityTypeBuilder<PortalAccount> b)
    {
        b.ToTable("PortalAccounts");
        b.HasKey(a => a.ContactId);
        b.Property(a => a.PasswordHash).HasMaxLength(200);
        b.HasOne<Contact>().WithOne().HasForeignKey<PortalAccount>(a => a.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PortalTokenConfiguration : IEntityTypeConfiguration<PortalToken>
{
    public void Configure(EntityTypeBuilder<PortalToken> b)
    {
        b.ToTable("PortalTokens");
        b.Property(t => t.TokenHash).HasMaxLength(PortalToken.HashLength);
        b.HasIndex(t => t.TokenHash).IsUnique();
        // A contact's open links (revoked together) and the clean-up of expired ones.
        b.HasIndex(t => new { t.ContactId, t.ExpiresAt });
        b.HasOne<Contact>().WithMany().HasForeignKey(t => t.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PortalSessionConfiguration : IEntityTypeConfiguration<PortalSession>
{
    public void Configure(EntityTypeBuilder<PortalSession> b)
    {
        b.ToTable("PortalSessions");
        b.Property(s => s.Id).HasMaxLength(64);
        b.Property(s => s.UserAgent).HasMaxLength(PortalSession.UserAgentMaxLength);
        b.Property(s => s.IpAddress).HasMaxLength(PortalSession.AddressMaxLength);
        b.HasIndex(s => s.ContactId);
        b.HasOne<Contact>().WithMany().HasForeignKey(s => s.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}
