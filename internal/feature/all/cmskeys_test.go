package all_test

import (
	"reflect"
	"slices"
	"testing"

	"github.com/hbtq-diplomering/webbplats/internal/content"
	"github.com/hbtq-diplomering/webbplats/internal/feature/all"
	"github.com/hbtq-diplomering/webbplats/internal/feature/cms"
	"github.com/hbtq-diplomering/webbplats/internal/yamldoc"
)

// TestCMSKnowsEveryFeatureKey: the editing tool's page form offers every
// front-matter key the build accepts, in the same order: content.Front's
// and then each feature's in the order of all.Features. Package cms keeps
// its own list of the features that read keys (it imports no other feature); a feature added to all.Features but not there fails here.
func TestCMSKnowsEveryFeatureKey(t *testing.T) {
	var fronts []reflect.Type
	for _, f := range all.Features() {
		if f.Front != nil {
			fronts = append(fronts, f.Front)
		}
	}
	var want, have []string
	for _, k := range yamldoc.Keys(reflect.TypeFor[content.Front](), fronts...) {
		want = append(want, k.Name)
	}
	for _, k := range cms.PageKeys() {
		have = append(have, k.Name)
	}
	if !slices.Equal(want, have) {
		t.Errorf("the CMS's page keys are\n%v\nbut the build accepts\n%v\n(add the feature's Front to featureFronts in internal/feature/cms/fields.go)", have, want)
	}
}
