package app;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

public class ReportController {
    private JdbcTemplate jdbc;

    @GetMapping("/report")
    public Object report(@RequestParam String region) {
        // expect: java-sql-injection
        return jdbc.queryForList("SELECT * FROM sales WHERE region = '" + region + "'");
    }

    @GetMapping("/report/safe")
    public Object safeReport(@RequestParam String region) {
        // ok: java-sql-injection
        return jdbc.queryForList("SELECT * FROM sales WHERE region = ?", region);
    }
}
