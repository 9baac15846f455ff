package opendata

import (
	"encoding/json"
	"strings"

	"github.com/hbtq-diplomering/webbplats/internal/swedish"
)

// The vocabularies DCAT-AP-SE takes its values from.
const (
	frequencyIrregular = "http://publications.europa.eu/resource/authority/frequency/IRREG"
	countrySweden      = "http://publications.europa.eu/resource/authority/country/SWE"
	languageSwedish    = "http://publications.europa.eu/resource/authority/language/SWE"
	themeHealth        = "http://publications.europa.eu/resource/authority/data-theme/HEAL"
	publisherRegional  = "http://purl.org/adms/publishertype/RegionalAuthority"
	fileType           = "http://publications.europa.eu/resource/authority/file-type/"
	mediaType          = "http://www.iana.org/assignments/media-types/"
)

// catalogContext names the vocabularies of the catalogue; it is inline, so
// that a harvester needs nothing but the file.
var catalogContext = map[string]string{
	"dcat":    "http://www.w3.org/ns/dcat#",
	"dcterms": "http://purl.org/dc/terms/",
	"foaf":    "http://xmlns.com/foaf/0.1/",
	"vcard":   "http://www.w3.org/2006/vcard/ns#",
	"xsd":     "http://www.w3.org/2001/XMLSchema#",
	"rdfs":    "http://www.w3.org/2000/01/rdf-schema#",
}

// geonamesRights says, on each distribution, that the kommun seats'
// coordinates (a unit without location: of its own, location_source
// "kommun") come from GeoNames under CC BY 4.0, which the dataset's own
// licence cannot waive: a reuser of those coordinates names GeoNames.
func geonamesRights() map[string]any {
	return map[string]any{
		"@type": "dcterms:RightsStatement",
		"rdfs:label": texts(
			"Koordinaterna för verksamheter med location_source ”kommun” är kommunens centralort från GeoNames (geonames.org), under CC BY 4.0: ange GeoNames som källa när du använder dem.",
			"The coordinates of units whose location_source is \"kommun\" are the kommun's seat from GeoNames (geonames.org), under CC BY 4.0: credit GeoNames when you use them."),
	}
}

func id(s string) map[string]string { return map[string]string{"@id": s} }

func texts(sv, en string) []map[string]string {
	return []map[string]string{{"@value": sv, "@language": "sv"}, {"@value": en, "@language": "en"}}
}

// catalog returns the DCAT-AP-SE catalogue in JSON-LD: the catalogue, the
// dataset, its two distributions (JSON and CSV), the publisher and the
// contact point, with Swedish and English titles.
func (d *opendata) catalog() []byte {
	cfg, base := d.b.Settings, d.b.BaseURL
	org := cfg.Organisation
	diplomerade := cfg.Programme.Diplomerade()
	day := map[string]string{"@value": d.data.Modified.Format("2006-01-02"), "@type": "xsd:date"}
	publisher, contact, dataset := base+"/#utgivare", base+"/#kontakt", base+"/data/verksamheter"
	contactName := cfg.Contact.Name
	if contactName == "" {
		contactName = org
	}
	point := map[string]any{"@id": contact, "@type": "vcard:Organization", "vcard:fn": contactName, "vcard:hasEmail": id("mailto:" + cfg.Contact.Email)}
	if p := cfg.Contact.Phone; p != "" {
		if n, err := swedish.ParsePhone(p); err == nil {
			point["vcard:hasTelephone"] = id("tel:" + n.E164())
		}
	}
	distribution := func(path, format, media, sv, en string) map[string]any {
		return map[string]any{
			"@id": base + "/" + path, "@type": "dcat:Distribution",
			"dcterms:title":      texts(sv, en),
			"dcat:accessURL":     id(base + PageURL),
			"dcat:downloadURL":   id(base + "/" + path),
			"dcat:mediaType":     id(mediaType + media),
			"dcterms:format":     id(fileType + format),
			"dcterms:license":    id(d.data.Licence),
			"dcterms:conformsTo": id(base + "/" + SchemaPath),
			"dcterms:modified":   day,
			"dcterms:rights":     geonamesRights(),
		}
	}
	doc := map[string]any{
		"@context": catalogContext,
		"@graph": []any{
			map[string]any{
				"@id": base + "/" + CatalogPath + "#katalog", "@type": "dcat:Catalog",
				"dcterms:title":       texts("Öppna data från "+org, "Open data from "+org),
				"dcterms:description": texts("Datamängder som "+org+" publicerar på "+base+".", "Datasets that "+org+" publishes at "+base+"."),
				"dcterms:publisher":   id(publisher),
				"dcterms:license":     id(d.data.Licence),
				"dcterms:language":    id(languageSwedish),
				"foaf:homepage":       id(base + "/"),
				"dcterms:modified":    day,
				"dcat:dataset":        id(dataset),
			},
			map[string]any{
				"@id": dataset, "@type": "dcat:Dataset",
				"dcterms:title": texts(swedish.UpperFirst(diplomerade)+" verksamheter i "+org,
					"Units certified in LGBTQ competence ("+cfg.Programme.Diplomering()+") by "+org),
				"dcterms:description": texts(
					"Vårdens verksamheter som "+org+" har "+strings.TrimSuffix(diplomerade, "e")+"t: namn, typ av vård, kommun med SCB:s kommun- och länskod, plats, HSA-id, diplomeringens datum, giltighet och status. Verksamheter vars diplom har gått ut ingår inte.",
					"Health-care units that "+org+" has certified in LGBTQ competence: name, kind of care, kommun with SCB's municipality and county codes, location, HSA-id, the dates, validity and status of the certificate. Units whose certificate has expired are left out."),
				"dcterms:publisher":          id(publisher),
				"dcat:contactPoint":          id(contact),
				"dcterms:license":            id(d.data.Licence),
				"dcterms:accrualPeriodicity": id(frequencyIrregular),
				"dcterms:spatial":            id(countrySweden),
				"dcterms:language":           id(languageSwedish),
				"dcat:theme":                 id(themeHealth),
				"dcat:keyword": []map[string]string{
					{"@value": cfg.Programme.Diplomering(), "@language": "sv"}, {"@value": "hbtq", "@language": "sv"},
					{"@value": "vård", "@language": "sv"}, {"@value": "LGBTQ", "@language": "en"}, {"@value": "health care", "@language": "en"},
				},
				"dcat:landingPage":  id(base + PageURL),
				"dcterms:modified":  day,
				"dcat:distribution": []any{id(base + "/" + JSONPath), id(base + "/" + CSVPath)},
			},
			distribution(JSONPath, "JSON", "application/json", "Verksamheterna som JSON", "The units as JSON"),
			distribution(CSVPath, "CSV", "text/csv", "Verksamheterna som CSV", "The units as CSV"),
			map[string]any{
				"@id": publisher, "@type": "foaf:Agent",
				"foaf:name":    org,
				"dcterms:type": id(publisherRegional),
			},
			point,
		},
	}
	data, err := json.MarshalIndent(doc, "", " ")
	if err != nil {
		panic(err)
	}
	return append(data, '\n')
}
