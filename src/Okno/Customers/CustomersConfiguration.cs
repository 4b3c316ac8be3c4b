using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Okno.Customers;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.ToTable("Contacts");
        b.Property(c => c.Name).HasMaxLength(Contact.NameMaxLength);
        b.HasIndex(c => new { c.CompanyId, c.Id });
        b.Property(c => c.UnverifiedEmail).HasMaxLength(ContactEmail.MaxLength);
        b.Property(c => c.Notes).HasMaxLength(Contact.NotesMaxLength);
        b.HasIndex(c => c.UnverifiedEmail);
        b.HasOne(c => c.Company).WithMany().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Emails).WithOne().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Phones).WithOne().HasForeignKey(p => p.ContactId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.ExternalIds).WithOne().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Memberships).WithOne(m => m.Contact).HasForeignKey(m => m.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContactEmailConfiguration : IEntityTypeConfiguration<ContactEmail>
{
    public void Configure(EntityTypeBuilder<ContactEmail> b)
    {
        b.ToTable("ContactEmails");
        b.Property(e => e.Address).HasMaxLength(ContactEmail.MaxLength);
        b.HasIndex(e => e.Address).IsUnique();
    }
}

internal sealed class ContactPhoneConfiguration : IEntityTypeConfiguration<ContactPhone>
{
    public void Configure(EntityTypeBuilder<ContactPhone> b)
    {
        b.ToTable("ContactPhones");
        b.Property(p => p.Number).HasMaxLength(32);
        b.HasIndex(p => p.Number);
    }
}

internal sealed class ContactExternalIdConfiguration : IEntityTypeConfiguration<ContactExternalId>
{
    public void Configure(EntityTypeBuilder<ContactExternalId> b)
    {
        b.ToTable("ContactExternalIds");
        b.Property(x => x.ExternalId).HasMaxLength(200);
        b.Property(x => x.Channel).HasConversion<Tickets.ChannelKindConverter>().HasMaxLength(Tickets.ChannelKind.MaxLength);
        b.HasIndex(x => new { x.Channel, x.ExternalId }).IsUnique();
    }
}

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> b)
    {
        b.ToTable("Companies");
        b.Property(c => c.Name).HasMaxLength(Company.NameMaxLength);
        b.Property(c => c.Notes).HasMaxLength(Contact.NotesMaxLength);
        b.HasIndex(c => c.Name);
        b.HasMany(c => c.Domains).WithOne().HasForeignKey(d => d.CompanyId).OnDelete(DeleteBehavior.Cascade);
        Requisites.RequisitesConfiguration.Configure(b);
    }
}
