package opendata

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/hbtq-diplomering/webbplats/internal/settings"
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
// licence cannot waive: a reuser of those coordinates names GeoNames. The
// words are the site's (catalog_rights).
func geonamesRights(w *settings.Words) map[string]any {
	return map[string]any{
		"@type":      "dcterms:RightsStatement",
		"rdfs:label": texts(w.CatalogRights, w.CatalogRightsEn),
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
	cfg, base, w := d.b.Settings, d.b.BaseURL, d.b.Words
	org := cfg.Organisation
	diplomerade := cfg.Programme.Diplomerade()
	// The words of the catalogue (layouts/words.yaml's catalog_*).
	fill := []string{"organisation", org, "adress", base, "diplomering", cfg.Programme.Diplomering(),
		"Diplomerade", swedish.UpperFirst(diplomerade), "diplomerat", strings.TrimSuffix(diplomerade, "e") + "t"}
	words := func(sv, en string) []map[string]string {
		return texts(settings.Fill(sv, fill...), settings.Fill(en, fill...))
	}
	var keywords []map[string]string
	for _, k := range w.CatalogKeywords {
		keywords = append(keywords, map[string]string{"@value": settings.Fill(k, fill...), "@language": "sv"})
	}
	for _, k := range w.CatalogKeywordsEn {
		keywords = append(keywords, map[string]string{"@value": settings.Fill(k, fill...), "@language": "en"})
	}
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
	distribution := func(path, format, media string) map[string]any {
		f := append(slices.Clip(fill), "format", format)
		return map[string]any{
			"@id": base + "/" + path, "@type": "dcat:Distribution",
			"dcterms:title":      texts(settings.Fill(w.CatalogDistribution, f...), settings.Fill(w.CatalogDistributionEn, f...)),
			"dcat:accessURL":     id(base + PageURL),
			"dcat:downloadURL":   id(base + "/" + path),
			"dcat:mediaType":     id(mediaType + media),
			"dcterms:format":     id(fileType + format),
			"dcterms:license":    id(d.data.Licence),
			"dcterms:conformsTo": id(base + "/" + SchemaPath),
			"dcterms:modified":   day,
			"dcterms:rights":     geonamesRights(w),
		}
	}
	doc := map[string]any{
		"@context": catalogContext,
		"@graph": []any{
			map[string]any{
				"@id": base + "/" + CatalogPath + "#katalog", "@type": "dcat:Catalog",
				"dcterms:title":       words(w.CatalogTitle, w.CatalogTitleEn),
				"dcterms:description": words(w.CatalogDescription, w.CatalogDescriptionEn),
				"dcterms:publisher":   id(publisher),
				"dcterms:license":     id(d.data.Licence),
				"dcterms:language":    id(languageSwedish),
				"foaf:homepage":       id(base + "/"),
				"dcterms:modified":    day,
				"dcat:dataset":        id(dataset),
			},
			map[string]any{
				"@id": dataset, "@type": "dcat:Dataset",
				"dcterms:title":              words(w.CatalogDatasetTitle, w.CatalogDatasetTitleEn),
				"dcterms:description":        words(w.CatalogDatasetDescription, w.CatalogDatasetDescriptionEn),
				"dcterms:publisher":          id(publisher),
				"dcat:contactPoint":          id(contact),
				"dcterms:license":            id(d.data.Licence),
				"dcterms:accrualPeriodicity": id(frequencyIrregular),
				"dcterms:spatial":            id(countrySweden),
				"dcterms:language":           id(languageSwedish),
				"dcat:theme":                 id(themeHealth),
				"dcat:keyword":               keywords,
				"dcat:landingPage":           id(base + PageURL),
				"dcterms:modified":           day,
				"dcat:distribution":          []any{id(base + "/" + JSONPath), id(base + "/" + CSVPath)},
			},
			distribution(JSONPath, "JSON", "application/json"),
			distribution(CSVPath, "CSV", "text/csv"),
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
