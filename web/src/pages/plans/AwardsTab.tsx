// "Khen thưởng": award forms with quotas, the nomination dossier, eligibility rules, and classification bands/ceilings.
// One card per concern, each in its own file under ./awards.
import { Space } from "antd";
import { ReadOnlyScope } from "../../components/plan/fields";
import { AwardFormsCard } from "./awards/AwardFormsCard";
import { ClassificationCard } from "./awards/ClassificationCard";
import { DossierCard } from "./awards/DossierCard";
import { EligibilityCard } from "./awards/EligibilityCard";
import type { TabProps } from "./editorTypes";

export function AwardsTab(props: TabProps) {
  return (
    <ReadOnlyScope readOnly={props.readOnly}>
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
        <AwardFormsCard {...props} />
        <DossierCard {...props} />
        <EligibilityCard {...props} />
        <ClassificationCard {...props} />
      </Space>
    </ReadOnlyScope>
  );
}
