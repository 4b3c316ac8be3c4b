using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Okno.Customers.Requisites;

/// <summary>The requisites' columns of Companies and the domain and membership tables (issue 20).</summary>
internal static class RequisitesConfiguration
{
    public static void Configure(EntityTypeBuilder<Company> b)
    {
        b.Property(c => c.FullName).HasMaxLength(CompanyRequisites.NameMaxLength);
        b.Property(c => c.Inn).HasMaxLength(12);
        b.Property(c => c.Kpp).HasMaxLength(9);
        b.Property(c => c.Ogrn).HasMaxLength(15);
        b.Property(c => c.LegalAddress).HasMaxLength(CompanyRequisites.AddressMaxLength);
        b.Property(c => c.PostalAddress).HasMaxLength(CompanyRequisites.AddressMaxLength);
        b.Property(c => c.BankName).HasMaxLength(CompanyRequisites.NameMaxLength);
        b.Property(c => c.Bik).HasMaxLength(9);
        b.Property(c => c.SettlementAccount).HasMaxLength(20);
        b.Property(c => c.CorrespondentAccount).HasMaxLength(20);
        // Search by INN (?inn=), paged by id.
        b.HasIndex(c => new { c.Inn, c.Id });
        // An agent id without a foreign key: agents are never deleted, and on SQLite adding one would rebuild Companies.
        b.HasIndex(c => c.ManagerId);
    }
}

internal sealed class CompanyDomainConfiguration : IEntityTypeConfiguration<CompanyDomain>
{
    public void Configure(EntityTypeBuilder<CompanyDomain> b)
    {
        b.ToTable("CompanyDomains");
        b.Property(d => d.Domain).HasMaxLength(CompanyDomain.MaxLength);
        b.HasIndex(d => d.Domain).IsUnique();
        b.HasIndex(d => new { d.CompanyId, d.Id });
    }
}

internal sealed class ContactCompanyConfiguration : IEntityTypeConfiguration<ContactCompany>
{
    public void Configure(EntityTypeBuilder<ContactCompany> b)
    {
        b.ToTable("ContactCompanies");
        b.HasKey(m => new { m.ContactId, m.CompanyId });
        b.Property(m => m.Position).HasMaxLength(ContactCompany.PositionMaxLength);
        // A company's members, newest contact first (paged by contact id).
        b.HasIndex(m => new { m.CompanyId, m.ContactId });
        b.HasOne(m => m.Company).WithMany().HasForeignKey(m => m.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}
