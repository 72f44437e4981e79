import { Button, Result } from "antd";
import { useNavigate } from "react-router-dom";
import { t } from "../i18n";

export default function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t("state.notFoundTitle")}
      subTitle={t("state.notFoundText")}
      extra={
        <Button type="primary" onClick={() => navigate("/")}>
          {t("state.backHome")}
        </Button>
      }
    />
  );
}
