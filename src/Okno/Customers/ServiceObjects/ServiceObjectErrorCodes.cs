namespace Okno.Customers.ServiceObjects;

/// <summary>The codes of the errors of service objects, equipment and their import (issue 20, part "objects").</summary>
public static class ServiceObjectErrorCodes
{
    /// <summary>{id}; also a field error for an object id that does not exist.</summary>
    public const string ObjectNotFound = "service_object.not_found";
    /// <summary>{id}; also a field error for an equipment id that does not exist.</summary>
    public const string EquipmentNotFound = "equipment.not_found";
    /// <summary>{id}: the object belongs to another company than the ticket's (or the equipment's).</summary>
    public const string ObjectOfOtherCompany = "service_object.other_company";
    /// <summary>{id}: the equipment belongs to another company than the ticket's.</summary>
    public const string EquipmentOfOtherCompany = "equipment.other_company";
    /// <summary>{id}: the equipment stands at another object than the one named with it.</summary>
    public const string EquipmentNotAtObject = "equipment.not_at_object";
    /// <summary>Latitude and longitude come together or not at all.</summary>
    public const string CoordinatesPair = "service_object.coordinates_pair";
    /// <summary>{count}: tickets or equipment still name the object.</summary>
    public const string ObjectInUse = "service_object.in_use";
    /// <summary>{count}: tickets still name the equipment.</summary>
    public const string EquipmentInUse = "equipment.in_use";
    /// <summary>The same parameter key twice in one piece of equipment.</summary>
    public const string DuplicateParameter = "equipment.duplicate_parameter";
    /// <summary>The uploaded file is neither CSV nor XLSX, or cannot be read as one.</summary>
    public const string ImportUnreadable = "service_object.import_unreadable";
    /// <summary>{value}: a required column is missing from the header.</summary>
    public const string ImportMissingColumn = "service_object.import_missing_column";
    /// <summary>{max}: more data rows than one import takes.</summary>
    public const string ImportTooManyRows = "service_object.import_too_many_rows";
    /// <summary>{value}: no company with this id or exact name.</summary>
    public const string ImportCompanyUnknown = "service_object.import_company_unknown";
    /// <summary>No company, or several, with the row's INN.</summary>
    public const string ImportCompanyInnUnknown = "service_object.import_company_inn_unknown";
    /// <summary>{value}: no object of the row's company with this id or exact name.</summary>
    public const string ImportObjectUnknown = "service_object.import_object_unknown";
}
